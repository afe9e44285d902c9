import Foundation
import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring

/// An in-memory site for one fuzz input, and the checks every fuzz target makes on what tropa reports.
public enum FuzzSite {
    public static let root = "site"

    /// A persona the maps may name, so persona look-ups and cards are reached too.
    public static let persona = "---\nname: Руководитель отдела продаж\nrole: B2B\n---\n## Мотивы\n- План\n"

    /// A valid map, for targets that fuzz something else.
    public static let map = """
        ---
        title: Клиент выбирает CRM
        persona: rop
        ---
        ## Поиск
        ### Цель
        Найти CRM.
        ### Действия
        - Читает обзоры
        ### Эмоции
        - -1 Сомнение
        ### Метрики
        - Конверсия: 35%

        """

    /// A valid map with a branch, naming the measurements file `metrics.csv` and a review period.
    public static let measuredMap = """
        ---
        title: Клиент выбирает CRM
        measurements: metrics.csv
        review: monthly
        ---
        ## Поиск
        ### Цель
        Найти CRM.
        ### Действия
        - Читает обзоры
        ### Эмоции
        - -1 Сомнение
        ### Метрики
        - Конверсия: 35%
        - Звонков: 3
        ## Оплата {Онлайн}
        ### Цель
        Оплатить.
        ### Действия
        - Платит
        ### Эмоции
        - +1 Готово

        """

    /// A site whose files are `files` (paths relative to the site) plus the persona `rop`.
    public static func fileSystem(_ files: [String: [UInt8]]) -> MemoryFileSystem {
        let memory = MemoryFileSystem()
        for (path, bytes) in files.merging(["content/personas/rop.md": Array(persona.utf8)], uniquingKeysWith: { $1 }) {
            try! memory.write(bytes, to: root + "/" + path)
        }
        return memory
    }

    /// Checks the site and stops the fuzzer when a diagnostic points outside its file or the report cannot be printed.
    @discardableResult
    public static func check(_ memory: MemoryFileSystem) -> CheckResult {
        let result = try! SiteChecker(fileSystem: memory).check(root: root)
        requireLocations(result)
        _ = DiagnosticFormatter(format: .text).format(result.diagnostics, sources: result.sources)
        return result
    }

    /// Every diagnostic names a line of its file and a column on that line (or just past its end).
    public static func requireLocations(_ result: CheckResult) {
        for diagnostic in result.diagnostics {
            // A file that is not UTF-8 has no text to measure against.
            guard let source = result.sources[diagnostic.location.file] else {
                precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
                continue
            }
            precondition(source.contains(diagnostic.location), "outside its file: \(diagnostic)")
        }
    }
}

/// libFuzzer's entry point for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the command line's options, calling `test` with each input's bytes.
/// SwiftPM gives every executable its own `main` (renamed, so tests can link it), which leaves no room for the `main`
/// libFuzzer brings: each target's `main.swift` hands control to libFuzzer's driver instead.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
