import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// A rebuild of an unchanged site is skipped; any change to what a build reads rebuilds it, so a skipped
/// build never leaves stale pages.
@Suite struct RebuildCacheTests {
    private static let map = "/site/content/lumus/skripty.md"

    @Test func anUnchangedSiteIsUpToDate() throws {
        let first = try RenderBuild.fixture("ru-persona")
        #expect(!first.result.upToDate)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(second.result.upToDate)
        #expect(second.files == first.files)
    }

    /// Each change is made on a site built once, then rebuilt: the build runs and the page shows the change.
    @Test(arguments: [
        Change(file: "/site/content/lumus/skripty.md", find: "## ", replace: "## Новый этап\n\n### Цель\nЦель.\n\n### Действия\n- Шаг\n\n### Эмоции\n0 Ровно\n\n## ",
               page: "lumus/skripty/index.html", expect: "Новый этап"),
        Change(file: "/site/content/personas/rop.md", find: "name: ", replace: "name: Новое имя — ",
               page: "lumus/skripty/index.html", expect: "Новое имя"),
        Change(file: "/site/templates/journey.mustache", find: nil, replace: "<p>своя страница {{title}}</p>\n",
               page: "lumus/skripty/index.html", expect: "своя страница"),
        Change(file: "/site/schema.yml", find: nil,
               replace: "layers:\n  - {id: goal, title: {ru: Цель}, kind: text}\n  - {id: actions, title: {ru: Действия}, kind: list}\n  - {id: emotions, title: {ru: Эмоции, en: Настроение клиента}, kind: emotion}\n  - {id: metrics, title: {ru: Метрики}, kind: metrics}\n  - {id: experience, title: {ru: Опыт}, kind: list}\n  - {id: touchpoints, title: {ru: Точки контакта}, kind: list}\n  - {id: barriers, title: {ru: Барьеры}, kind: list}\n  - {id: questions, title: {ru: Вопросы}, kind: list}\n  - {id: expectations, title: {ru: Ожидания}, kind: text}\n  - {id: recommendations, title: {ru: Рекомендации}, kind: list}\nmetrics:\n  - {id: conversion, title: {ru: Доля перехода}, aliases: [Конверсия], unit: percent}\n  - {id: nps, title: {ru: NPS}, range: [-100, 100]}\n  - {id: duration, title: {ru: Длительность}, unit: duration}\n",
               page: "lumus/skripty/index.html", expect: "Доля перехода"),
    ])
    func aChangeRebuilds(_ change: Change) throws {
        let first = try RenderBuild.fixture("ru-persona")
        #expect(first.text(change.page)?.contains(change.expect) == false)
        let memory = first.fileSystem
        var text = change.replace
        if let find = change.find, let old = memory.text(at: change.file), let range = old.range(of: find) {
            text = old.replacingCharacters(in: range, with: change.replace)
        }
        try memory.write(Array(text.utf8), to: change.file)
        let second = try RenderBuild.build(memory)
        #expect(second.result.check.diagnostics.filter { $0.severity == .error }.isEmpty,
                "\(second.result.check.diagnostics)")
        #expect(!second.result.upToDate)
        #expect(second.text(change.page)?.contains(change.expect) == true)
    }

    struct Change: CustomTestStringConvertible, Sendable {
        let file: String
        let find: String?
        let replace: String
        let page: String
        let expect: String
        var testDescription: String { file }
    }
}
