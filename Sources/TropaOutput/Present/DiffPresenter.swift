import TropaModel
import TropaAnalysis

/// A change between two versions of a map, worded: what `tropa diff` prints.
extension SitePresenter {
    /// A metric's value as written, with its target.
    package func metricValue(_ value: MetricValue) -> String {
        format.value(value.value, range: value.range, unit: value.unit)
            + (value.target.map { " (" + words["target"] + " " + format.value($0, unit: value.unit) + ")" } ?? "")
    }

    /// The value before and after a change, as the change shows it; nil where there is none.
    /// `quoting` quotes a field's text as a sentence does (not in JSON, where the value stands alone).
    package func values(_ change: JourneyChange, quoting: Bool = true) -> (before: String?, after: String?) {
        let shown = { (value: String) in quoting ? self.fieldValue(value, of: change.field) : self.fieldWords(value, of: change.field) }
        return switch change.kind {
        case .scoreChanged: (change.scoreFrom.map(format.score), change.scoreTo.map(format.score))
        case .mapChanged where change.field == "draft":
            (words[change.textFrom == nil ? "diff.no" : "diff.yes"], words[change.textTo == nil ? "diff.no" : "diff.yes"])
        case .mapChanged where change.textFrom != nil || change.textTo != nil:
            (change.textFrom.map(shown), change.textTo.map(shown))
        case .mapChanged: (change.scoreFrom.map(format.number), change.scoreTo.map(format.number))
        case .metricAdded, .metricRemoved, .metricChanged, .measurementAdded, .measurementRemoved, .measurementChanged:
            (change.valueFrom.map(metricValue), change.valueTo.map(metricValue))
        default: (nil, nil)
        }
    }

    /// A field's value as the pages word it: a date in words, an evidence's or priority's name; other texts quoted.
    private func fieldValue(_ value: String, of field: String?) -> String {
        switch field {
        case "updated", "evidence", "priority": fieldWords(value, of: field)
        default: words.quoted(value)
        }
    }

    /// A field's value in words, unquoted.
    private func fieldWords(_ value: String, of field: String?) -> String {
        switch field {
        case "updated": words.date(value)
        case "evidence", "priority": words[field! + "." + value]
        default: value
        }
    }

    /// One line for a change: "Stage “Поиск” renamed to “Поиск решения”", "“Выбор”, Metrics: Конверсия 35 % → 42 %",
    /// "“Выбор”, measured 1 March 2024: Конверсия — → 42 %".
    package func describe(_ change: JourneyChange) -> String {
        let stage = words.quoted(change.stage)
        let layer = change.layer.flatMap { id in site.schema.layers.first { $0.id == id } }.map(title) ?? change.layer ?? ""
        let (before, after) = values(change)
        let ru = words.language == .ru
        let text = change.text ?? ""
        switch change.kind {
        case .mapChanged where change.field == "introduction":
            return ru ? "Введение изменено" : "Introduction changed"
        case .mapChanged:
            return "\(words["diff." + (change.field ?? "")]): \(before ?? "—") → \(after ?? "—")"
        case .descriptionChanged:
            return ru ? "\(stage): описание этапа изменено" : "\(stage): stage description changed"
        case .stageAdded: return ru ? "Новый этап \(stage) (\(change.to ?? 0)-й)" : "Stage \(stage) added (at \(change.to ?? 0))"
        case .stageRemoved: return ru ? "Удалён этап \(stage) (был \(change.from ?? 0)-м)" : "Stage \(stage) removed (was at \(change.from ?? 0))"
        case .stageRenamed:
            let old = words.quoted(change.previousName ?? "")
            return ru ? "Этап \(old) переименован в \(stage)" : "Stage \(old) renamed to \(stage)"
        case .stageMoved:
            return ru ? "Этап \(stage) перенесён с \(change.from ?? 0)-го места на \(change.to ?? 0)-е"
                : "Stage \(stage) moved from \(change.from ?? 0) to \(change.to ?? 0)"
        case .itemAdded: return "\(stage), \(layer): + \(text)"
        case .itemRemoved: return "\(stage), \(layer): − \(text)"
        case .itemMoved:
            let old = words.quoted(change.previousName ?? "")
            return ru ? "\(stage), \(layer): \(text) (перенос из этапа \(old))" : "\(stage), \(layer): \(text) (moved from \(old))"
        case .textChanged where change.textFrom == nil:
            return ru ? "\(stage), \(layer): текст изменён" : "\(stage), \(layer): text changed"
        case .itemChanged, .textChanged:
            return "\(stage), \(layer): \(words.quoted(change.textFrom ?? "")) → \(words.quoted(text))"
        case .scoreChanged where change.textFrom != nil:
            return "\(stage), \(layer): \(words.quoted(change.textFrom ?? "")) \(before ?? "—") → \(words.quoted(text)) \(after ?? "—")"
        case .scoreChanged, .metricAdded, .metricRemoved, .metricChanged:
            let label = change.kind == .scoreChanged ? words.quoted(text) : text
            return "\(stage), \(layer): \(label) \(before ?? "—") → \(after ?? "—")"
        case .measurementAdded, .measurementRemoved, .measurementChanged:
            let measured = words.measuredValue(change.date.map(words.date) ?? "", nil)
            return "\(stage), \(measured): \(text) \(before ?? "—") → \(after ?? "—")"
        }
    }
}
