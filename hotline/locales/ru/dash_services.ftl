# Справочник служб на панели сотрудников: список, страница службы, форма добавления и правки.
# $count — число; $date — дата, уже в нужном виде; $name — имя сотрудника; $zone — часовой
# пояс, например Europe/Prague.

dash-nav-services = Службы

## Список
dash-services-title = Справочник служб
dash-services-search = Поиск
dash-services-region = Регион
dash-services-category = Категория
dash-services-any = Любой
dash-services-whole-country = Вся страна
dash-services-stale = Не проверялись 6 месяцев
dash-services-stale-count = { $count ->
    [one] { $count } служба не проверялась 6 месяцев.
    [few] { $count } службы не проверялись 6 месяцев.
   *[other] { $count } служб не проверялись 6 месяцев.
}
dash-services-filter = Показать
dash-services-found = { $count ->
    [one] { $count } служба
    [few] { $count } службы
   *[other] { $count } служб
}
dash-services-empty = Ни одна служба не подходит.
dash-services-name = Название
dash-services-organization = Организация
dash-services-categories = Категории
dash-services-phone = Телефон
dash-services-status = Статус
dash-services-last-checked = Последняя проверка
dash-services-never-checked = не проверялась
dash-services-example = пример
dash-services-add = Добавить службу

## Статусы и категории
dash-services-status-active = Работает
dash-services-status-inactive = Не работает
dash-services-status-defunct = Закрыта навсегда
dash-services-status-closed = Временно закрыта
dash-services-cat-employment = Работа
dash-services-cat-education = Образование и обучение
dash-services-cat-benefits = Социальные пособия и права
dash-services-cat-housing = Жильё
dash-services-cat-health = Здоровье
dash-services-cat-addiction = Лечение зависимости и поддержка после него
dash-services-cat-mental-health = Психическое здоровье
dash-services-cat-legal-aid = Юридическая помощь
dash-services-cat-family = Семья и дети
dash-services-cat-debt = Долги
dash-services-cat-documents = Документы и удостоверения личности
dash-services-cat-support-groups = Группы поддержки

## Страница службы
dash-services-back = Назад к справочнику
dash-services-edit = Изменить
dash-services-mark-checked = Отметить как проверенную сегодня
dash-services-checked-now = Отмечено как проверенное { $date }.
dash-services-checked-by = { $date }, кто проверил: { $name }
dash-services-words = Названия и описания
dash-services-language = Язык
dash-services-original = Как введено
dash-services-description = Описание
dash-services-eligibility = Кто может обратиться
dash-services-places = Места
dash-services-place-name = Место
dash-services-address = Адрес
dash-services-today = Сегодня
dash-services-this-week = На этой неделе
dash-services-closed-today = закрыто
dash-services-no-hours = Часы работы не указаны.
dash-services-times-in = Время по поясу { $zone }
dash-services-email = Эл. почта
dash-services-website = Сайт
dash-services-spoken = Языки общения
dash-services-no-places = Место не указано.
dash-services-sample = Из образца справочника, поставляемого с горячей линией.

## Добавление и правка
dash-services-new-title = Добавить службу
dash-services-edit-title = Изменить службу
dash-services-save = Сохранить
dash-services-problems = Ничего не сохранено: исправьте отмеченные поля.
dash-services-sample-note = Пока в справочнике только образец, первая добавленная вами служба заменит образец.
dash-services-service-section = Служба
dash-services-place-section = Её место
dash-services-other-places = У этой службы есть и другие места; они останутся без изменений.
dash-services-translations = Переводы
dash-services-city = Город
dash-services-postal-code = Почтовый индекс
dash-services-country = Код страны
dash-services-latitude = Широта
dash-services-longitude = Долгота
dash-services-hours = Часы работы
dash-services-hours-hint = Например: Mo-Fr 09:00-17:00; Sa 10:00-13:00 или 24/7.
dash-services-hours-note = Примечание к часам работы
dash-services-zone = Часовой пояс
dash-services-spoken-hint = Коды языков через пробел, например: ka ru en.

## Журнал действий
dash-audit-service-add = Добавление службы в справочник
dash-audit-service-edit = Изменение службы в справочнике
dash-audit-service-checked = Отметка о проверке службы справочника
