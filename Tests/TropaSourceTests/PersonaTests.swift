import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Persona files: `name` and `role` in front-matter, a description, and JTBD sections matched like layers.
@Suite struct PersonaTests {
    static func parse(_ text: String, id: String = "head-of-sales") -> (Persona, [Diagnostic]) {
        PersonaParser(unsafeHTML: false).parse(SourceText(path: "content/personas/\(id).md", text: text), id: id)
    }

    @Test func aPersonaIsRead() {
        let (persona, diagnostics) = Self.parse("""
            ---
            name: Руководитель отдела продаж
            role: B2B, отдел из 10 менеджеров
            tags: [b2b]
            ---
            Отвечает за **план** продаж.

            ## Мотивы
            - Выполнить план

            ## Scenarios
            Когда новичок проваливает звонок…

            ## драйверы:
            - Интеграция с CRM

            ## Боли
            - Нет времени

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(persona.id == "head-of-sales")
        #expect(persona.name == "Руководитель отдела продаж")
        #expect(persona.role == "B2B, отдел из 10 менеджеров")
        #expect(persona.description.html == "<p>Отвечает за <strong>план</strong> продаж.</p>\n")
        #expect(persona.sections.map(\.kind) == [.motives, .scenarios, .drivers, .barriers])
        #expect(persona.section(.scenarios)?.content.plain == "Когда новичок проваливает звонок…")
    }

    @Test func sectionHeadingsPointPastTheirMarks() {
        let (persona, diagnostics) = Self.parse("""
            ---
            name: Маркетолог
            ---
            # Маркетолог
            ## Мотивы
            - Окупить рекламу
            ## Мотивациия
            - Отчитаться
            ## Мотивация
            - Отчитаться
            """)
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 4, 3), Found(.unknownSection, .warning, 7, 4),
                                      Found(.duplicateSection, .error, 9, 4)])
        #expect(diagnostics[1].suggestion(in: .en) == "did you mean \"Мотивация\"?")
        #expect(persona.sections.map(\.kind) == [.motives])
    }

    @Test func aPersonaWithoutFrontMatterOrNameIsAnError() {
        let (bare, bareDiagnostics) = Self.parse("Просто текст.\n")
        #expect(bareDiagnostics.found == [Found(.frontMatterMissing, .error, 1, 1)])
        #expect(bare.name == "head-of-sales")
        let (_, unnamed) = Self.parse("---\nname: \"  \"\n---\n")
        #expect(unnamed.found == [Found(.missingName, .error, 1, 1)])
        let (_, blank) = Self.parse("---\nname:\nrole: РОП\n---\n")
        #expect(blank.found == [Found(.missingName, .error, 1, 1)])
        // The name under its Russian key: one error, at the key, as a map's `название:`.
        let (_, russian) = Self.parse("---\nимя: Взрослый свитчер\nrole: Ученик\n---\n")
        #expect(russian.found == [Found(.missingName, .error, 2, 1)])
        #expect(russian.first?.suggestion(in: .ru) == "ключи пишутся по-английски: «name»")
        let (_, unclosed) = Self.parse("---\nname: Маркетолог\n")
        #expect(unclosed.found == [Found(.frontMatterSyntax, .error, 1, 1)])
    }

    @Test func unknownPersonaKeysAreWarnings() {
        let (_, diagnostics) = Self.parse("---\nname: Маркетолог\nrloe: SMB\n---\n")
        #expect(diagnostics.found == [Found(.unknownKey, .warning, 3, 1)])
        #expect(diagnostics.first?.suggestion(in: .en) == "did you mean \"role\"?")
    }

    @Test func mapsNameAnExistingPersona() throws {
        let map = { (persona: String) in
            "---\ntitle: Карта\npersona: \(persona)\n---\n## Этап\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n"
        }
        let result = try Check.site([
            "content/personas/marketer.md": "---\nname: Маркетолог\n---\n",
            "content/good.md": map("marketer"),
            "content/typo.md": map("marketr"),
            "content/far.md": map("accountant"),
            "content/named.md": map("маркетолог"),
        ])
        #expect(result.diagnostics.found == [Found(.unknownPersona, .error, 3, 10), Found(.unknownPersona, .error, 3, 10),
                                             Found(.unknownPersona, .error, 3, 10)])
        #expect(result.diagnostics.map(\.location.file) == ["content/far.md", "content/named.md", "content/typo.md"])
        // A persona written by its name, not its file's: the id to write.
        #expect(result.diagnostics.map { $0.suggestion(in: .ru) }
            == ["персоны этого сайта: marketer", "напишите «marketer»", "может быть, «marketer»?"])
        #expect(result.site?.persona(id: "marketer")?.name == "Маркетолог")
    }

    @Test func aPersonaInASiteWithoutPersonasSuggestsTheFile() throws {
        let result = try Check.site([
            "content/map.md": "---\ntitle: Карта\npersona: rop\n---\n## Этап\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n",
        ])
        #expect(result.diagnostics.map { $0.suggestion(in: .en) } == ["add content/personas/rop.md"])
    }
}
