<map version="1.0.1">
  <node ID="node-1" TEXT="Семья выбирает диван онлайн, а покупает в шоуруме">
    <node ID="node-2" TEXT="Поиск идей" POSITION="right">
      <node ID="node-3" TEXT="Цель" FOLDED="true">
        <node ID="node-4" TEXT="Понять, какой диван нужен."/>
      </node>
      <node ID="node-5" TEXT="Действия" FOLDED="true">
        <node ID="node-6" TEXT="Листает подборки"/>
      </node>
      <node ID="node-7" TEXT="Эмоции" FOLDED="true">
        <node ID="node-8" TEXT="+1 Красивые интерьеры"/>
      </node>
      <node ID="node-9" TEXT="Метрики" FOLDED="true">
        <node ID="node-10" TEXT="Конверсия: 60 %"/>
        <node ID="node-11" TEXT="NPS: 20"/>
        <node ID="node-12" TEXT="Длительность: 1–2 недели"/>
      </node>
    </node>
    <node ID="node-13" TEXT="Развилка: Онлайн / Офлайн" POSITION="left">
      <node ID="node-14" TEXT="Онлайн" FOLDED="true">
        <node ID="node-15" TEXT="Каталог на сайте" FOLDED="true">
          <node ID="node-16" TEXT="Цель" FOLDED="true">
            <node ID="node-17" TEXT="Выбрать модель по фото."/>
          </node>
          <node ID="node-18" TEXT="Действия" FOLDED="true">
            <node ID="node-19" TEXT="Фильтрует каталог"/>
          </node>
          <node ID="node-20" TEXT="Эмоции" FOLDED="true">
            <node ID="node-21" TEXT="−1 Не видно ткань вживую"/>
          </node>
          <node ID="node-22" TEXT="Барьеры" FOLDED="true">
            <node ID="node-23" TEXT="Нет образцов тканей"/>
          </node>
          <node ID="node-24" TEXT="Метрики" FOLDED="true">
            <node ID="node-25" TEXT="Конверсия: 30 % (цель 40 %)"/>
            <node ID="node-26" TEXT="NPS: 5"/>
            <node ID="node-27" TEXT="Длительность: 3 дня"/>
          </node>
        </node>
        <node ID="node-28" TEXT="Корзина" FOLDED="true">
          <node ID="node-29" TEXT="Цель" FOLDED="true">
            <node ID="node-30" TEXT="Оформить заказ."/>
          </node>
          <node ID="node-31" TEXT="Действия" FOLDED="true">
            <node ID="node-32" TEXT="Оплачивает картой"/>
          </node>
          <node ID="node-33" TEXT="Эмоции" FOLDED="true">
            <node ID="node-34" TEXT="0 Обычно"/>
          </node>
          <node ID="node-35" TEXT="Метрики" FOLDED="true">
            <node ID="node-36" TEXT="Конверсия: 80 %"/>
            <node ID="node-37" TEXT="NPS: 30"/>
            <node ID="node-38" TEXT="Длительность: 1 день"/>
          </node>
        </node>
      </node>
      <node ID="node-39" TEXT="Офлайн" FOLDED="true">
        <node ID="node-40" TEXT="Визит в шоурум" FOLDED="true">
          <node ID="node-41" TEXT="Цель" FOLDED="true">
            <node ID="node-42" TEXT="Посидеть на диване."/>
          </node>
          <node ID="node-43" TEXT="Действия" FOLDED="true">
            <node ID="node-44" TEXT="Едет в шоурум в субботу"/>
          </node>
          <node ID="node-45" TEXT="Эмоции" FOLDED="true">
            <node ID="node-46" TEXT="+2 Удобно и красиво"/>
          </node>
          <node ID="node-47" TEXT="Метрики" FOLDED="true">
            <node ID="node-48" TEXT="Конверсия: 55 %"/>
            <node ID="node-49" TEXT="NPS: 60"/>
            <node ID="node-50" TEXT="Длительность: 1 неделя"/>
          </node>
        </node>
      </node>
    </node>
    <node ID="node-51" TEXT="Доставка" POSITION="right">
      <node ID="node-52" TEXT="Цель" FOLDED="true">
        <node ID="node-53" TEXT="Получить диван вовремя."/>
      </node>
      <node ID="node-54" TEXT="Действия" FOLDED="true">
        <node ID="node-55" TEXT="Ждёт доставку"/>
      </node>
      <node ID="node-56" TEXT="Эмоции" FOLDED="true">
        <node ID="node-57" TEXT="−2 Привезли не в тот день"/>
      </node>
      <node ID="node-58" TEXT="Опыт" FOLDED="true">
        <node ID="node-59" TEXT="− Курьер не позвонил заранее"/>
      </node>
      <node ID="node-60" TEXT="Метрики" FOLDED="true">
        <node ID="node-61" TEXT="Конверсия: 70 %"/>
        <node ID="node-62" TEXT="NPS: −10"/>
        <node ID="node-63" TEXT="Длительность: 5 дней"/>
        <node ID="node-64" TEXT="Средний чек: 45 000 ₽"/>
      </node>
    </node>
  </node>
</map>
