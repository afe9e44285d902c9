import TropaModel

/// The Russian words an author may write for a YAML key: every key of a map, persona, schema and `tropa.yml` is
/// English, and `сегмент:` is no typo of `segment` that an edit distance could find.
package enum KeyWords {
    private static let russian: [String: [String]] = [
        "title": ["заголовок", "название", "заглавие"],
        "persona": ["персона", "персонаж"],
        "product": ["продукт"],
        "segment": ["сегмент"],
        "tags": ["теги", "тэги", "метки", "тег"],
        "updated": ["обновлено", "обновлён", "обновлен", "дата", "изменено"],
        "draft": ["черновик"],
        "audience": ["аудитория", "охват"],
        "evidence": ["источники", "доказательства", "основание"],
        "priority": ["приоритет"],
        "revenue": ["выручка", "доход"],
        "compare": ["сравнение", "сравнить", "сравнить с"],
        "measurements": ["замеры", "измерения"],
        "review": ["пересмотр", "ревью", "проверка"],
        "name": ["имя"],
        "role": ["роль", "должность"],
        "language": ["язык"],
        "base_url": ["адрес", "адрес сайта"],
        "schema": ["схема"],
        "content": ["контент", "содержимое"],
        "templates": ["шаблоны"],
        "output": ["вывод", "папка вывода"],
        "outputs": ["форматы", "выводы"],
        "extends": ["расширяет", "основа"],
        "scale": ["шкала"],
        "layers": ["слои"],
        "metrics": ["метрики"],
        "aliases": ["синонимы", "псевдонимы"],
        "kind": ["вид", "тип"],
        "required": ["обязательный", "обязательно"],
        "unit": ["единица", "единицы"],
        "range": ["диапазон"],
    ]

    /// The key among `known` that `written` is a Russian word for, or a typo of one.
    package static func key(for written: String, among known: [String]) -> String? {
        let words = known.flatMap { key in (russian[key] ?? []).map { (word: $0, key: key) } }
        return Suggestion.closest(to: written, among: words.map(\.word)).flatMap { word in
            words.first { $0.word == word }?.key
        }
    }
}
