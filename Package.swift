// swift-tools-version:6.0
import PackageDescription

/// jemalloc, linked in place of glibc's malloc on Linux; not in the fuzz build (`TROPA_FUZZ`, below), whose address
/// sanitizer brings a malloc of its own.
let allocator: [Target.Dependency] = Context.environment["TROPA_FUZZ"] == nil
    ? [.target(name: "CJemalloc", condition: .when(platforms: [.linux]))] : []

/// With `TROPA_STATIC_SWIFT=1` (as `scripts/demo` and `scripts/bench` build it), `tropa` has Swift's and Foundation's
/// libraries linked in, in release builds on Linux: binding them at start was 4–5 ms of every run, a rebuild of one
/// map included (docs/performance.md). Only this program's link: its modules are compiled as for the shared
/// libraries, which name only Foundation's public archives to the linker, so the ones those need are named here. The
/// list is this toolchain's (Swift 6.3), hence a choice and not the default: `tropa-serve`, the tests and any other
/// build keep the shared libraries.
let linkedInSwift: [LinkerSetting] = Context.environment["TROPA_STATIC_SWIFT"] == "1"
    ? [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections",
                     "-l_FoundationICU", "-lswiftSynchronization"], .when(platforms: [.linux], configuration: .release))]
    : []

let package = Package(
    name: "tropa",
    // macOS 15: the build's progress counters are Synchronization's `Atomic`.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tropa", targets: ["tropa"]),
        .executable(name: "tropa-serve", targets: ["tropa-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    // The modules follow the pipeline, so the compiler rejects a step that reaches back:
    // Model ← Source (read, parse, validate) ← Analysis ← Output (present, render) ← Build (the driver, sinks,
    // the record, writing) ← Authoring, Serve, Terminal ← the two programs. Source and Analysis can neither
    // render nor write: they import no Mustache and no writer.
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // jemalloc in place of glibc's malloc on Linux: the maps' millions of small blocks, made and freed on both
        // cores, cost a cold build 12 % more time with glibc, and at 100,000 maps 40 % (docs/performance.md).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // The values every step shares, and the read and write protocols the two ends are given.
        .target(name: "TropaModel"),
        // Load → parse → validate: reading a site's files into the model, with diagnostics.
        .target(
            name: "TropaSource",
            dependencies: ["TropaModel", "CCmark", .product(name: "Yams", package: "Yams"),
                           .product(name: "CSV", package: "CSV.swift")]
        ),
        // Analyse: facts derived from a parsed map (slug, stages, curve in units of the scale, figures by role).
        .target(name: "TropaAnalysis", dependencies: ["TropaModel"]),
        // Present → render: view models, the theme, SVG and outlines, the registry of a map's output files.
        .target(
            name: "TropaOutput",
            dependencies: ["TropaModel", "TropaAnalysis", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The driver and its sinks, the build record, the output writer: the only module that writes a build.
        .target(
            name: "TropaBuild",
            dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput"] + allocator
        ),
        // What authors run besides building: scaffolds for `init` and `new`, reports of diagnostics and schemas, the
        // Mermaid importer.
        .target(name: "TropaAuthoring", dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput", "TropaBuild"]),
        // `tropa serve`: the HTTP server lives apart, so the rest builds without it.
        .target(
            name: "TropaServe",
            dependencies: [
                "TropaModel", "TropaSource", "TropaOutput", "TropaBuild", "TropaAuthoring",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // What the two programs share: printing reports, exit statuses, the options of `serve`.
        .target(
            name: "TropaTerminal",
            dependencies: [
                "TropaModel", "TropaAuthoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tropa",
            dependencies: [
                "TropaModel", "TropaSource", "TropaBuild", "TropaAuthoring", "TropaTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: linkedInSwift
        ),
        // `tropa serve` runs this program: the HTTP server's networking libraries stay out of `tropa`.
        .executableTarget(
            name: "tropa-serve",
            dependencies: [
                "TropaModel", "TropaBuild", "TropaServe", "TropaTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: fixture locations, sites built and checked in memory, the invalid-input
        // manifest, and the runner of the built programs.
        .target(
            name: "TropaTesting",
            dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput", "TropaBuild"],
            path: "Tests/TropaTesting"
        ),
        // One test target per module, depending on the module it tests and what builds its inputs.
        .testTarget(name: "TropaModelTests", dependencies: ["TropaModel", "TropaTesting"]),
        .testTarget(
            name: "TropaSourceTests",
            dependencies: ["TropaModel", "TropaSource", "TropaBuild", "TropaTesting", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "TropaAnalysisTests", dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaTesting"]),
        .testTarget(
            name: "TropaOutputTests",
            dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput", "TropaBuild", "TropaTesting"]
        ),
        .testTarget(
            name: "TropaBuildTests",
            dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput", "TropaBuild", "TropaTesting"]
        ),
        // Yams reads the CI workflow `tropa init` writes, to test its steps as GitHub reads them.
        .testTarget(
            name: "TropaAuthoringTests",
            dependencies: ["TropaModel", "TropaSource", "TropaAnalysis", "TropaOutput", "TropaBuild", "TropaAuthoring",
                           "TropaTesting", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "TropaServeTests",
            dependencies: ["TropaModel", "TropaSource", "TropaOutput", "TropaBuild", "TropaAuthoring", "TropaServe", "TropaTesting"]
        ),
        .testTarget(name: "TropaTerminalTests", dependencies: ["TropaModel", "TropaTerminal"]),
        // End to end: runs the programs built from these two targets (beside the test bundle), never one on PATH.
        .testTarget(name: "CLITests", dependencies: ["tropa", "tropa-serve", "TropaModel", "TropaTesting"]),
    ]
)

// libFuzzer targets, run by scripts/fuzz. Declared only with TROPA_FUZZ set: they link libFuzzer's `main`, so they
// build only with `-sanitize=fuzzer`, which an ordinary `swift build` does not pass.
if Context.environment["TROPA_FUZZ"] != nil {
    let fuzzTargets = ["FuzzJourney", "FuzzSchema", "FuzzRender", "FuzzMermaid", "FuzzMeasurements"]
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["TropaModel", "TropaSource", "TropaBuild", "TropaAuthoring"],
                                   path: "Fuzz/Support"))
    for name in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport", "TropaModel", "TropaSource", "TropaBuild", "TropaAuthoring"],
                                                 path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
