<map version="1.0.1">
  <node ID="node-1" TEXT="РОП выбирает конструктор скриптов">
    <node ID="node-2" TEXT="Персона: Руководитель отдела продаж" POSITION="right">
      <node ID="node-3" TEXT="Мотивы" FOLDED="true">
        <node ID="node-4" TEXT="Выполнить план без найма"/>
        <node ID="node-5" TEXT="Быстрее вводить новичков в работу"/>
        <node ID="node-6" TEXT="Видеть, на каком этапе теряются сделки"/>
      </node>
      <node ID="node-7" TEXT="Сценарии" FOLDED="true">
        <node ID="node-8" TEXT="Когда новичок проваливает звонок, хочу дать ему готовый скрипт"/>
      </node>
      <node ID="node-9" TEXT="Драйверы" FOLDED="true">
        <node ID="node-10" TEXT="Понятная цена"/>
      </node>
      <node ID="node-11" TEXT="Барьеры" FOLDED="true">
        <node ID="node-12" TEXT="Нет времени на внедрение" FOLDED="true">
          <node ID="node-13" TEXT="отдел продаж работает без пауз"/>
          <node ID="node-14" TEXT="внедрение CRM заняло полгода"/>
        </node>
      </node>
    </node>
    <node ID="node-15" TEXT="Осознание потребности" POSITION="left">
      <node ID="node-16" TEXT="Цель" FOLDED="true">
        <node ID="node-17" TEXT="Понять, почему новички теряют лиды."/>
      </node>
      <node ID="node-18" TEXT="Действия" FOLDED="true">
        <node ID="node-19" TEXT="Слушает записи звонков"/>
        <node ID="node-20" TEXT="Сравнивает конверсию новичков и опытных"/>
      </node>
      <node ID="node-21" TEXT="Вопросы" FOLDED="true">
        <node ID="node-22" TEXT="Дело в людях или в скрипте?"/>
      </node>
      <node ID="node-23" TEXT="Эмоции" FOLDED="true">
        <node ID="node-24" TEXT="−2 Раздражение: ошибки повторяются"/>
      </node>
      <node ID="node-25" TEXT="Опыт" FOLDED="true">
        <node ID="node-26" TEXT="+ Записи звонков уже есть в CRM"/>
        <node ID="node-27" TEXT="− Слушать их долго"/>
      </node>
      <node ID="node-28" TEXT="Метрики" FOLDED="true">
        <node ID="node-29" TEXT="Длительность: 2–3 недели"/>
        <node ID="node-30" TEXT="Конверсия: 18 % (цель 25 %)"/>
        <node ID="node-31" TEXT="NPS: −10"/>
      </node>
    </node>
    <node ID="node-32" TEXT="Поиск решения" POSITION="right">
      <node ID="node-33" TEXT="Цель" FOLDED="true">
        <node ID="node-34" TEXT="Найти способ улучшить скрипты без обучения всей команды."/>
      </node>
      <node ID="node-35" TEXT="Действия" FOLDED="true">
        <node ID="node-36" TEXT="Ищет статьи о скриптах"/>
        <node ID="node-37" TEXT="Спрашивает коллег в чате"/>
      </node>
      <node ID="node-38" TEXT="Точки контакта" FOLDED="true">
        <node ID="node-39" TEXT="Статья на vc.ru"/>
        <node ID="node-40" TEXT="Рассылка «Продажи без воды»"/>
      </node>
      <node ID="node-41" TEXT="Ожидания" FOLDED="true">
        <node ID="node-42" TEXT="Готовые скрипты для B2B, которые можно сразу дать менеджерам."/>
        <node ID="node-43" TEXT="Цена на сайте, без звонка менеджера."/>
      </node>
      <node ID="node-44" TEXT="Эмоции" FOLDED="true">
        <node ID="node-45" TEXT="0 Рабочая задача"/>
      </node>
      <node ID="node-46" TEXT="Барьеры" FOLDED="true">
        <node ID="node-47" TEXT="Непонятно, сколько стоит внедрение"/>
      </node>
      <node ID="node-48" TEXT="Метрики" FOLDED="true">
        <node ID="node-49" TEXT="Конверсия: 35 %"/>
        <node ID="node-50" TEXT="NPS: 20"/>
        <node ID="node-51" TEXT="Длительность: 1 месяц"/>
      </node>
      <node ID="node-52" TEXT="Рекомендации" FOLDED="true">
        <node ID="node-53" TEXT="Опубликовать кейсы по отраслям"/>
      </node>
    </node>
    <node ID="node-54" TEXT="Покупка" POSITION="left">
      <node ID="node-55" TEXT="Цель" FOLDED="true">
        <node ID="node-56" TEXT="Купить тариф на 10 менеджеров."/>
      </node>
      <node ID="node-57" TEXT="Действия" FOLDED="true">
        <node ID="node-58" TEXT="Проходит демо" FOLDED="true">
          <node ID="node-59" TEXT="сначала с отделом продаж"/>
          <node ID="node-60" TEXT="потом с финансовым директором"/>
        </node>
        <node ID="node-61" TEXT="Согласует счёт"/>
      </node>
      <node ID="node-62" TEXT="Эмоции" FOLDED="true">
        <node ID="node-63" TEXT="+2 Счёт оплачен за день"/>
      </node>
      <node ID="node-64" TEXT="Метрики" FOLDED="true">
        <node ID="node-65" TEXT="Конверсия: 90 %"/>
        <node ID="node-66" TEXT="NPS: 45"/>
        <node ID="node-67" TEXT="CSAT: 90 %"/>
        <node ID="node-68" TEXT="Средний чек: 45 000 ₽"/>
        <node ID="node-69" TEXT="Длительность: 3 дня"/>
      </node>
    </node>
  </node>
</map>
