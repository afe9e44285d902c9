<map version="1.0.1">
  <node ID="node-1" TEXT="РОП выбирает конструктор скриптов">
    <node ID="node-2" TEXT="Персона: Руководитель отдела продаж" POSITION="right">
      <node ID="node-3" TEXT="Мотивы" FOLDED="true">
        <node ID="node-4" TEXT="Выполнить план без найма Быстрее вводить новичков в работу Видеть, на каком этапе теряются сделки"/>
      </node>
      <node ID="node-5" TEXT="Сценарии" FOLDED="true">
        <node ID="node-6" TEXT="Когда новичок проваливает звонок, хочу дать ему готовый скрипт"/>
      </node>
      <node ID="node-7" TEXT="Драйверы" FOLDED="true">
        <node ID="node-8" TEXT="Понятная цена"/>
      </node>
      <node ID="node-9" TEXT="Барьеры" FOLDED="true">
        <node ID="node-10" TEXT="Нет времени на внедрение отдел продаж работает без пауз внедрение CRM заняло полгода"/>
      </node>
    </node>
    <node ID="node-11" TEXT="Осознание потребности" POSITION="left">
      <node ID="node-12" TEXT="Цель" FOLDED="true">
        <node ID="node-13" TEXT="Понять, почему новички теряют лиды."/>
      </node>
      <node ID="node-14" TEXT="Действия" FOLDED="true">
        <node ID="node-15" TEXT="Слушает записи звонков"/>
        <node ID="node-16" TEXT="Сравнивает конверсию новичков и опытных"/>
      </node>
      <node ID="node-17" TEXT="Вопросы" FOLDED="true">
        <node ID="node-18" TEXT="Дело в людях или в скрипте?"/>
      </node>
      <node ID="node-19" TEXT="Эмоции" FOLDED="true">
        <node ID="node-20" TEXT="−2 Раздражение: ошибки повторяются"/>
      </node>
      <node ID="node-21" TEXT="Опыт" FOLDED="true">
        <node ID="node-22" TEXT="+ Записи звонков уже есть в CRM"/>
        <node ID="node-23" TEXT="− Слушать их долго"/>
      </node>
      <node ID="node-24" TEXT="Метрики" FOLDED="true">
        <node ID="node-25" TEXT="Длительность: 2 недели"/>
        <node ID="node-26" TEXT="Конверсия: 18 %"/>
      </node>
    </node>
    <node ID="node-27" TEXT="Поиск решения" POSITION="right">
      <node ID="node-28" TEXT="Цель" FOLDED="true">
        <node ID="node-29" TEXT="Найти способ улучшить скрипты без обучения всей команды."/>
      </node>
      <node ID="node-30" TEXT="Действия" FOLDED="true">
        <node ID="node-31" TEXT="Ищет статьи о скриптах"/>
        <node ID="node-32" TEXT="Спрашивает коллег в чате"/>
      </node>
      <node ID="node-33" TEXT="Точки контакта" FOLDED="true">
        <node ID="node-34" TEXT="Статья на vc.ru"/>
        <node ID="node-35" TEXT="Рассылка «Продажи без воды»"/>
      </node>
      <node ID="node-36" TEXT="Ожидания" FOLDED="true">
        <node ID="node-37" TEXT="Готовые скрипты для B2B, которые можно сразу дать менеджерам. Цена на сайте, без звонка менеджера."/>
      </node>
      <node ID="node-38" TEXT="Эмоции" FOLDED="true">
        <node ID="node-39" TEXT="0 Рабочая задача"/>
      </node>
      <node ID="node-40" TEXT="Барьеры" FOLDED="true">
        <node ID="node-41" TEXT="Непонятно, сколько стоит внедрение"/>
      </node>
      <node ID="node-42" TEXT="Метрики" FOLDED="true">
        <node ID="node-43" TEXT="Конверсия: 35 %"/>
        <node ID="node-44" TEXT="NPS: 20"/>
        <node ID="node-45" TEXT="Длительность: 1 месяц"/>
      </node>
      <node ID="node-46" TEXT="Рекомендации" FOLDED="true">
        <node ID="node-47" TEXT="Опубликовать кейсы по отраслям"/>
      </node>
    </node>
    <node ID="node-48" TEXT="Покупка" POSITION="left">
      <node ID="node-49" TEXT="Цель" FOLDED="true">
        <node ID="node-50" TEXT="Купить тариф на 10 менеджеров."/>
      </node>
      <node ID="node-51" TEXT="Действия" FOLDED="true">
        <node ID="node-52" TEXT="Проходит демо сначала с отделом продаж потом с финансовым директором"/>
        <node ID="node-53" TEXT="Согласует счёт"/>
      </node>
      <node ID="node-54" TEXT="Эмоции" FOLDED="true">
        <node ID="node-55" TEXT="+2 Счёт оплачен за день"/>
      </node>
      <node ID="node-56" TEXT="Метрики" FOLDED="true">
        <node ID="node-57" TEXT="CSAT: 90 %"/>
        <node ID="node-58" TEXT="Средний чек: 45 000 ₽"/>
        <node ID="node-59" TEXT="Длительность: 3 дня"/>
      </node>
    </node>
  </node>
</map>
