<map version="1.0.1">
  <node ID="node-1" TEXT="Семья выбирает робот-пылесос">
    <node ID="node-2" TEXT="Персона: Молодая семья" POSITION="right"/>
    <node ID="node-3" TEXT="Поиск" POSITION="left">
      <node ID="node-4" TEXT="Цель" FOLDED="true">
        <node ID="node-5" TEXT="Выбрать пылесос."/>
      </node>
      <node ID="node-6" TEXT="Действия" FOLDED="true">
        <node ID="node-7" TEXT="Сравнивает модели"/>
      </node>
      <node ID="node-8" TEXT="Эмоции" FOLDED="true">
        <node ID="node-9" TEXT="+1 Видит робот у друзей"/>
      </node>
      <node ID="node-10" TEXT="Метрики" FOLDED="true">
        <node ID="node-11" TEXT="Конверсия: 60 %"/>
        <node ID="node-12" TEXT="NPS: 20"/>
        <node ID="node-13" TEXT="Длительность: 1 неделя"/>
      </node>
      <node ID="node-14" TEXT="Рекомендации" FOLDED="true">
        <node ID="node-15" TEXT="[SMM] Ролики «день с роботом» @marketing"/>
      </node>
    </node>
    <node ID="node-16" TEXT="Выбор" POSITION="right">
      <node ID="node-17" TEXT="Цель" FOLDED="true">
        <node ID="node-18" TEXT="Выбрать пылесос."/>
      </node>
      <node ID="node-19" TEXT="Действия" FOLDED="true">
        <node ID="node-20" TEXT="Сравнивает модели"/>
      </node>
      <node ID="node-21" TEXT="Эмоции" FOLDED="true">
        <node ID="node-22" TEXT="−2 Путается в характеристиках"/>
      </node>
      <node ID="node-23" TEXT="Метрики" FOLDED="true">
        <node ID="node-24" TEXT="Конверсия: 28 %"/>
        <node ID="node-25" TEXT="NPS: −15"/>
        <node ID="node-26" TEXT="Длительность: 2 недели"/>
      </node>
      <node ID="node-27" TEXT="Рекомендации" FOLDED="true">
        <node ID="node-28" TEXT="[Сайт] Сравнение моделей в таблице @product"/>
        <node ID="node-29" TEXT="Позвонить после просмотра @sales"/>
      </node>
    </node>
    <node ID="node-30" TEXT="Покупка" POSITION="left">
      <node ID="node-31" TEXT="Цель" FOLDED="true">
        <node ID="node-32" TEXT="Выбрать пылесос."/>
      </node>
      <node ID="node-33" TEXT="Действия" FOLDED="true">
        <node ID="node-34" TEXT="Сравнивает модели"/>
      </node>
      <node ID="node-35" TEXT="Эмоции" FOLDED="true">
        <node ID="node-36" TEXT="+1 Быстрая доставка"/>
      </node>
      <node ID="node-37" TEXT="Метрики" FOLDED="true">
        <node ID="node-38" TEXT="Конверсия: 80 %"/>
        <node ID="node-39" TEXT="NPS: 40"/>
        <node ID="node-40" TEXT="Длительность: 1 день"/>
      </node>
      <node ID="node-41" TEXT="Рекомендации" FOLDED="true">
        <node ID="node-42" TEXT="[Общие] Подарок за отзыв"/>
      </node>
    </node>
  </node>
</map>
