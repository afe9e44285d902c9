<map version="1.0.1">
  <node ID="node-1" TEXT="Пациент записывается к врачу">
    <node ID="node-2" TEXT="Поиск врача" POSITION="right">
      <node ID="node-3" TEXT="Ситуация" FOLDED="true">
        <node ID="node-4" TEXT="Болит спина третий день."/>
      </node>
      <node ID="node-5" TEXT="Шаги пациента" FOLDED="true">
        <node ID="node-6" TEXT="Ищет клинику рядом с домом"/>
        <node ID="node-7" TEXT="Читает отзывы"/>
      </node>
      <node ID="node-8" TEXT="Самочувствие" FOLDED="true">
        <node ID="node-9" TEXT="3 Тревожно"/>
      </node>
      <node ID="node-10" TEXT="Боли пациента" FOLDED="true">
        <node ID="node-11" TEXT="Непонятно, к какому врачу идти"/>
      </node>
    </node>
    <node ID="node-12" TEXT="Запись" POSITION="left">
      <node ID="node-13" TEXT="Ситуация" FOLDED="true">
        <node ID="node-14" TEXT="Звонит в колл-центр."/>
      </node>
      <node ID="node-15" TEXT="Шаги пациента" FOLDED="true">
        <node ID="node-16" TEXT="Ждёт ответа оператора"/>
        <node ID="node-17" TEXT="Выбирает время"/>
      </node>
      <node ID="node-18" TEXT="Самочувствие" FOLDED="true">
        <node ID="node-19" TEXT="0 Злится: двадцать минут на линии"/>
        <node ID="node-20" TEXT="5 Записался"/>
      </node>
      <node ID="node-21" TEXT="Показатели клиники" FOLDED="true">
        <node ID="node-22" TEXT="Звонки в колл-центр: 320"/>
        <node ID="node-23" TEXT="Ожидание приёма: 4 дня"/>
      </node>
    </node>
    <node ID="node-24" TEXT="Приём" POSITION="right">
      <node ID="node-25" TEXT="Ситуация" FOLDED="true">
        <node ID="node-26" TEXT="Приходит на приём."/>
      </node>
      <node ID="node-27" TEXT="Шаги пациента" FOLDED="true">
        <node ID="node-28" TEXT="Проходит осмотр"/>
      </node>
      <node ID="node-29" TEXT="Самочувствие" FOLDED="true">
        <node ID="node-30" TEXT="10 Всё объяснили"/>
        <node ID="node-31" TEXT="8,5 Дорогие анализы"/>
      </node>
      <node ID="node-32" TEXT="Показатели клиники" FOLDED="true">
        <node ID="node-33" TEXT="Доходимость: 87 %"/>
      </node>
    </node>
  </node>
</map>
