import TropaModel
extension LayerSchema {
    /// The schema a site gets without a `schema.yml`: the layers most CJM practice uses.
    public static let `default` = LayerSchema(
        scale: -2...2,
        layers: [
            LayerDefinition(id: "goal", title: .init(["en": "Goal", "ru": "Цель"]),
                            aliases: ["Goals", "Цели", "Цель стадии"], kind: .text, required: true),
            LayerDefinition(id: "actions", title: .init(["en": "Actions", "ru": "Действия"]),
                            aliases: ["Action", "Действие", "Действия клиента"], kind: .list, required: true),
            LayerDefinition(id: "questions", title: .init(["en": "Questions", "ru": "Вопросы"]),
                            aliases: ["Question", "Вопрос", "Вопросы клиента"], kind: .list),
            LayerDefinition(id: "touchpoints", title: .init(["en": "Touchpoints", "ru": "Точки контакта"]),
                            aliases: ["Touchpoint", "Channels", "Каналы", "Точки касания", "Точка контакта"], kind: .list),
            LayerDefinition(id: "expectations", title: .init(["en": "Expectations", "ru": "Ожидания"]),
                            aliases: ["Expectation", "Ожидание"], kind: .text),
            LayerDefinition(id: "emotions", title: .init(["en": "Emotions", "ru": "Эмоции"]),
                            aliases: ["Emotion", "Эмоция", "Чувства", "Feelings", "Feeling"], kind: .emotion, required: true),
            LayerDefinition(id: "experience", title: .init(["en": "Experience", "ru": "Опыт"]),
                            aliases: ["Опыт клиента", "Customer experience"], kind: .list, tones: true),
            LayerDefinition(id: "barriers", title: .init(["en": "Barriers", "ru": "Барьеры"]),
                            aliases: ["Barrier", "Pain points", "Pain point", "Барьер", "Боли", "Боль", "Препятствия", "Препятствие"], kind: .list, pains: true),
            LayerDefinition(id: "metrics", title: .init(["en": "Metrics", "ru": "Метрики"]),
                            aliases: ["Metric", "KPI", "Метрика", "Показатели"], kind: .metrics),
            LayerDefinition(id: "recommendations", title: .init(["en": "Recommendations", "ru": "Рекомендации"]),
                            aliases: ["Recommendation", "Ideas", "Opportunities", "Рекомендация", "Идеи", "Возможности"], kind: .list, plan: true),
        ],
        metrics: [
            MetricDefinition(id: "conversion", title: .init(["en": "Conversion", "ru": "Конверсия"]),
                             aliases: ["CR", "Conversion rate"], unit: .percent, role: .conversion),
            MetricDefinition(id: "nps", title: .init(["en": "NPS", "ru": "NPS"]), range: -100...100, role: .nps),
            MetricDefinition(id: "csat", title: .init(["en": "CSAT", "ru": "CSAT"]),
                             aliases: ["Удовлетворённость", "Satisfaction"], unit: .percent, role: .csat),
            MetricDefinition(id: "duration", title: .init(["en": "Duration", "ru": "Длительность"]),
                             aliases: ["Время", "Time", "Срок"], unit: .duration, role: .duration),
        ]
    )
}
