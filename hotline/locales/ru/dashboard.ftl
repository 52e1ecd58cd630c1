# Веб-панель сотрудников (/staff/): то, что сотрудники читают в браузере.
# $name: имя сотрудника; $time: время или дата со временем, уже отформатированные.

dash-skip = Перейти к содержимому
dash-title-suffix = Сотрудники горячей линии
dash-nav-label = Главное меню
dash-nav-now = Сейчас
dash-nav-accounts = Учётные записи
dash-signed-in-as = Вы вошли как { $name }
dash-language = Язык
dash-language-save = Сменить
dash-sign-out = Выйти
dash-sign-out-everywhere = Выйти на всех устройствах

## Вход
dash-sign-in-title = Вход
dash-sign-in-name = ID сотрудника
dash-sign-in-password = Пароль
dash-sign-in-button = Войти
dash-sign-in-failed = Неверный ID сотрудника или пароль.
dash-sign-in-locked = Слишком много неудачных попыток. Попробуйте снова после { $time }.
dash-signed-out = Вы вышли из системы.
dash-forbidden-title = Нет доступа
dash-forbidden = Ваша роль не даёт доступа к этой странице.
dash-csrf-failed = Форма устарела или отправлена с другого сайта. Обновите страницу и попробуйте ещё раз.

## Роли
dash-role-specialist = Специалист
dash-role-supervisor = Руководитель
dash-role-admin = Администратор

## Сейчас
dash-now-title = Сейчас
dash-now-on-duty = Сейчас дежурят
dash-now-until = до { $time }
dash-now-nobody = Сейчас никто не дежурит.
dash-now-no-roster = График дежурств ещё не загружен.
dash-now-uncovered = Языки, на которых никто из дежурных не говорит: { $languages }

## Учётные записи (администраторы)
dash-accounts-title = Учётные записи сотрудников
dash-accounts-name = Имя
dash-accounts-role = Роль
dash-accounts-password = Пароль
dash-accounts-last-sign-in = Последний вход
dash-accounts-actions = Действия
dash-accounts-password-set = задан
dash-accounts-password-unset = не задан
dash-accounts-never = никогда
dash-accounts-invite = Создать ссылку-приглашение
dash-accounts-sign-out = Завершить все сеансы
dash-accounts-invite-made = Отправьте эту ссылку: { $name }. Она действует один раз в течение 24 часов:
dash-accounts-signed-out = Все сеансы сотрудника завершены: { $name }.

## Приглашение: задать свой пароль
dash-invite-title = Задайте пароль
dash-invite-welcome = Добро пожаловать, { $name }. Придумайте пароль не короче { $min } символов.
dash-invite-password = Новый пароль
dash-invite-again = Повторите пароль
dash-invite-save = Сохранить пароль
dash-invite-invalid = Эта ссылка больше не действует. Попросите у администратора новую.
dash-password-short = Пароль должен быть не короче { $min } символов.
dash-password-differ = Пароли не совпадают.
