import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
import TropaTesting

/// Output folders are ASCII: lower case, Cyrillic transliterated, other runs of characters as `-`.
@Suite struct SlugTests {
    @Test(arguments: [
        ("Поиск решения", "poisk-resheniya"),
        ("Руководитель отдела продаж", "rukovoditel-otdela-prodazh"),
        ("Ёлка и щётка", "yolka-i-shchyotka"),
        ("Подъезд, объявление", "podezd-obyavlenie"),
        ("Цех №5 — Хабаровск", "tsekh-5-khabarovsk"),
        ("B2B клиенты (SMB)", "b2b-klienty-smb"),
        ("  --Lumus__CRM--  ", "lumus-crm"),
        ("Café Crème", "cafe-creme"),
        ("Україна: їжа", "ukrayina-yizha"),
        ("Юля", "yulya"),
        ("😀", ""),
    ])
    func names(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test(arguments: [
        ("lumus.md", "lumus"),
        ("Lumus/Руководитель продаж.md", "lumus/rukovoditel-prodazh"),
        ("маркетинг/маркетолог.md", "marketing/marketolog"),
        ("2024/Q1 Онбординг.MD", "2024/q1-onbording"),
        ("a//b.md", "a/b"),
        ("😀.md", "map"),
        ("😀/карта.md", "karta"),
    ])
    func contentPaths(path: String, slug: String) {
        #expect(Slug.forContentPath(path) == slug)
    }

    /// The short way gives the slug the long one gives, for every scalar it takes: alone, between letters, around
    /// separators and the hard and soft signs; anything else it leaves to the long way.
    @Test func theShortWayAgreesWithTheLongOne() {
        let ranges: [ClosedRange<UInt32>] = [0x0...0x7F, 0xA0...0xBF, 0x400...0x45F, 0x490...0x491, 0x2010...0x205E]
        var compared = 0
        for value in ranges.joined() {
            let c = String(Unicode.Scalar(value)!)
            for text in [c, "Ab" + c + "Яз", " " + c + " ъ", "ь" + c + c + "-", "x" + c + "ъ" + c, "\r\n" + c + "\r"] {
                guard let fast = Slug.fastMake(text) else { continue }
                #expect(fast == Slug.fullMake(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 900)
        for text in ["и\u{306}", "Café", "Ωmega", "№5", "½"] {
            #expect(Slug.fastMake(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func slugsAreASCII() {
        for text in ["Покупка", "Оплата: счёт №12", "Ähnlich", "日本語 text"] {
            #expect(Slug.make(text).allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") },
                    "\(Slug.make(text))")
        }
    }

    @Test func mapsGetTheirSlugFromTheirPath() throws {
        let map = "---\ntitle: Карта\n---\n## Этап\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n"
        let result = try Check.site(["content/Продажи/Новый клиент.md": map, "content/lumus.md": map])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.facts.map(\.slug).sorted() == ["lumus", "prodazhi/novyy-klient"])
    }

    @Test func mapsWithTheSameSlugAreADuplicate() throws {
        let map = "---\ntitle: Карта\n---\n## Этап\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n"
        let result = try Check.site(["content/Поиск CRM.md": map, "content/poisk-crm.md": map, "content/Поиск_CRM.md": map])
        #expect(result.diagnostics.found == [Found(.duplicateSlug, .error, 1, 1), Found(.duplicateSlug, .error, 1, 1)])
        #expect(result.diagnostics.map(\.location.file) == ["content/Поиск CRM.md", "content/Поиск_CRM.md"])
        #expect(result.diagnostics.allSatisfy { $0.message(in: .en).contains("poisk-crm/, like content/poisk-crm.md") })
    }
}
