import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `schema.yml`: custom layers, scale and metrics; every mistake is `schema-invalid` at its own line.
@Suite struct SchemaParserTests {
    static func parse(_ text: String) -> (LayerSchema?, [Diagnostic]) {
        SchemaParser.parse(SourceText(path: "schema.yml", text: text))
    }

    @Test func aCustomSchemaIsRead() throws {
        let (schema, diagnostics) = Self.parse("""
            scale: [0, 10]
            layers:
              - id: situation
                title: { en: Situation, ru: Ситуация }
                aliases: [Контекст]
                kind: text
                required: true
              - id: mood
                title: Mood
                kind: emotion
            metrics:
              - id: calls
                title: { ru: Звонки }
                range: [0, 500]
              - id: wait
                title: { en: Waiting time }
                aliases: Ожидание
                unit: duration
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(schema)
        #expect(parsed.scale == 0...10)
        #expect(parsed.layers.map(\.id) == ["situation", "mood"])
        #expect(parsed.layers.map(\.kind) == [.text, .emotion])
        #expect(parsed.layers.map(\.required) == [true, false])
        #expect(parsed.layers[0].title.values == ["en": "Situation", "ru": "Ситуация"])
        #expect(parsed.layers[1].title.values == ["en": "Mood"])
        #expect(parsed.layer(named: "контекст")?.id == "situation")
        #expect(parsed.metrics.map(\.id) == ["calls", "wait"])
        #expect(parsed.metrics.map(\.unit) == [.plain, .duration])
        #expect(parsed.metrics[0].range == 0...500)
        #expect(parsed.metric(named: "ожидание")?.id == "wait")
    }

    @Test func theScaleDefaultsToMinusTwoToTwo() throws {
        let (schema, _) = Self.parse("layers:\n  - id: goal\n    kind: text\n")
        #expect(schema?.scale == -2...2)
        #expect(schema?.metrics.isEmpty == true)
    }

    @Test(arguments: [
        (
            "layers:\n  - id: goal\n    kind: text\n  - id: goal\n    kind: list\n",
            4, 5, "the layer id \"goal\" is declared twice"
        ),
        (
            "layers:\n  - id: goal\n    aliases: [Цели]\n  - id: aims\n    aliases: [цели]\n",
            5, 5, "\"цели\" names both layer \"goal\" and \"aims\""
        ),
        (
            "layers:\n  - id: goal\n    title: { ru: Цель }\n  - id: aim\n    title: { ru: Цель }\n",
            5, 5, "\"Цель\" names both layer \"goal\" and \"aim\""
        ),
        (
            "layers:\n  - id: goal\n    kind: paragraph\n",
            3, 5, "unknown layer kind \"paragraph\""
        ),
        (
            "scale: [2, -2]\nlayers:\n  - id: goal\n",
            1, 8, "\"scale\" should go from low to high, not [2, -2]"
        ),
        (
            "scale: 5\nlayers:\n  - id: goal\n",
            1, 8, "\"scale\" should be two numbers, like [-2, 2]"
        ),
        (
            "scale: [-2, много]\nlayers:\n  - id: goal\n",
            1, 13, "\"scale\" should be a number, not \"много\""
        ),
        (
            "layers:\n  - title: Цель\n    kind: text\n",
            2, 5, "a layer needs an \"id\""
        ),
        (
            "layers:\n  - id: цель стадии\n",
            2, 9, "the layer id \"цель стадии\" should be one word, like \"goal\""
        ),
        (
            "layers:\n  - id: goal\n    required: maybe\n",
            3, 15, "\"required\" should be true or false, not \"maybe\""
        ),
        (
            "layers:\n  - id: goal\n    kidn: text\n",
            3, 5, "unknown layer key \"kidn\""
        ),
        (
            "layers:\n  - id: goal\nlayer_order: [goal]\n",
            3, 1, "unknown schema key \"layer_order\""
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: nps\n    unit: points\n",
            5, 5, "unknown metric unit \"points\""
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: nps\n  - id: nps\n",
            5, 5, "the metric id \"nps\" is declared twice"
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: nps\n    range: [100, -100]\n",
            5, 12, "\"range\" should go from low to high, not [100, -100]"
        ),
        (
            "layers: goal\n",
            1, 9, "\"layers\" should be a list of entries starting with \"- id: …\""
        ),
        (
            "scale: [-2, 2]\n",
            1, 1, "the schema declares no layers"
        ),
        (
            "layers:\n  - id: goal\n    title: { en: [Goal] }\n",
            3, 18, "a title is text for each language, like { en: Goal, ru: Цель }"
        ),
        (
            "layers:\n  - id: goal\n   kind: text\n",
            3, 4, "the YAML does not parse"
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: cr\n    role: convertion\n",
            5, 11, "unknown metric role \"convertion\""
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: cr\n    role: conversion\n  - id: переход\n    role:   conversion\n",
            7, 13, "the metrics \"cr\" and \"переход\" both have the role \"conversion\""
        ),
        (
            "layers:\n  - id: goal\nmetrics:\n  - id: cr\n    role: [conversion]\n",
            5, 11, "\"role\" should be text"
        ),
        (
            "layers:\n  - id: pains\n    kind: list\n    tones: maybe\n",
            4, 12, "\"tones\" should be true or false, not \"maybe\""
        ),
        (
            "layers:\n  - id: goal\n    kind: text\n    tones: true\n",
            4, 5, "\"tones\" is for list layers, and this layer is of kind text"
        ),
        (
            "layers:\n  - id: mood\n    tones: false\n    kind: emotion\n",
            3, 5, "\"tones\" is for list layers, and this layer is of kind emotion"
        ),
    ])
    func mistakesAreSchemaErrorsAtTheirLine(text: String, line: Int, column: Int, message: String) throws {
        let (schema, diagnostics) = Self.parse(text)
        #expect(schema == nil)
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .schemaInvalid)
        #expect(problem.severity == .error)
        #expect(problem.location.file == "schema.yml")
        #expect((problem.location.line, problem.location.column) == (line, column), "\(problem)")
        #expect(problem.message(in: .en).hasPrefix(message), "\(problem.message(in: .en))")
    }

    @Test(arguments: [
        ("convertion", "did you mean \"conversion\"?"),
        ("NPS", "did you mean \"nps\"?"),
        ("satisfaction", "a role is one of: conversion, nps, csat, duration"),
    ])
    func anUnknownRoleSuggestsARole(role: String, suggestion: String) throws {
        let (_, diagnostics) = Self.parse("layers:\n  - id: goal\nmetrics:\n  - id: cr\n    role: \(role)\n")
        #expect(diagnostics.found == [Found(.schemaInvalid, .error, 5, 11)])
        #expect(diagnostics.first?.suggestion(in: .en) == suggestion)
    }

    @Test func theSecondMetricWithARoleIsTheOneReported() throws {
        let (_, diagnostics) = Self.parse("""
            layers:
              - id: goal
            metrics:
              - id: cr
                role: nps
              - id: nps
              - id: score
                title: { ru: Индекс лояльности }
                role: nps
            """)
        #expect(diagnostics.found == [Found(.schemaInvalid, .error, 9, 11)])
        #expect(diagnostics.first?.suggestion(in: .en) == "the analysis reads one metric per role: keep the role on one of them")
    }

    @Test func rolesFindMetricsWhateverTheirIdsAndTitles() throws {
        let (schema, diagnostics) = Self.parse("""
            layers:
              - id: kpi
                kind: metrics
            metrics:
              - id: leads
                title: { ru: Лиды }
              - id: perehod
                title: { ru: Переход }
                unit: percent
                role: conversion
              - id: loyalty
                title: { en: Loyalty index }
                range: [-100, 100]
                role: nps
              - id: cycle
                title: { ru: Цикл сделки }
                unit: duration
                role: duration
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(schema)
        #expect(parsed.metrics.map(\.role) == [nil, .conversion, .nps, .duration])
        #expect(parsed.metric(role: .conversion)?.id == "perehod")
        #expect(parsed.metric(role: .conversion)?.title.text(in: .ru, fallback: "") == "Переход")
        #expect(parsed.metric(role: .nps)?.id == "loyalty")
        #expect(parsed.metric(role: .duration)?.id == "cycle")
        #expect(parsed.metric(role: .csat) == nil)
        #expect(parsed.metric(named: "переход")?.role == .conversion)
    }

    @Test func theDefaultSchemaGivesItsMetricsTheirRoles() {
        let schema = LayerSchema.default
        #expect(schema.metrics.map(\.role) == [.conversion, .nps, .csat, .duration])
        for role in MetricRole.allCases {
            #expect(schema.metric(role: role)?.id == role.rawValue)
        }
    }

    @Test func onlyTheDefaultExperienceLayerHasTones() {
        #expect(LayerSchema.default.layers.filter(\.tones).map(\.id) == ["experience"])
    }

    @Test func aListLayerReadsTones() throws {
        let (schema, diagnostics) = Self.parse("""
            layers:
              - id: impressions
                kind: list
                tones: true
              - id: experience
                kind: list
              - id: pains
                kind: list
                tones: false
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(schema?.layers.map(\.tones) == [true, false, false])
    }

    @Test func anEmptySchemaFileIsAnError() {
        let (schema, diagnostics) = Self.parse("")
        #expect(schema == nil)
        #expect(diagnostics.found == [Found(.schemaInvalid, .error, 1, 1)])
        #expect(diagnostics.first?.message(in: .en) == "the schema file is empty")
    }

    @Test func aBrokenSchemaStopsTheCheckBeforeTheMaps() throws {
        let result = try Check.site([
            "schema.yml": "layers:\n  - id: goal\n    kind: text\n  - id: goal\n",
            "content/map.md": "не карта",
        ])
        #expect(result.site == nil)
        #expect(result.diagnostics.found == [Found(.schemaInvalid, .error, 4, 5)])
        #expect(result.sources["schema.yml"]?.line(4) == "  - id: goal")
    }

    @Test func tropaYmlMayNameAnotherSchemaFile() throws {
        let result = try Check.site([
            "tropa.yml": "schema: config/cjm-schema.yml\n",
            "config/cjm-schema.yml": "scale: [-5, 5]\nlayers:\n  - id: mood\n    title: { ru: Настроение }\n    kind: emotion\n",
            "content/map.md": "---\ntitle: Карта\n---\n## Этап\n### Настроение\n-5 Плохо\n+5 Отлично\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.schema.scale == -5...5)
    }

    @Test func aNamedSchemaFileThatDoesNotExistIsAnIOProblem() {
        #expect(throws: SiteError.self) {
            try Check.site(["tropa.yml": "schema: nowhere.yml\n", "content/map.md": "---\ntitle: x\n---\n"])
        }
    }
}
