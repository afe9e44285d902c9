// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tropa",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tropa", targets: ["tropa"]),
        .executable(name: "tropa-serve", targets: ["tropa-serve"]),
        .library(name: "TropaKit", targets: ["TropaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(
            name: "TropaKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `tropa serve`: the HTTP server lives apart, so the core library builds without it.
        .target(
            name: "TropaServe",
            dependencies: [
                "TropaKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // What the two programs share: printing reports, exit statuses, the options of `serve`.
        .target(
            name: "TropaTerminal",
            dependencies: [
                "TropaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tropa",
            dependencies: [
                "TropaKit",
                "TropaTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `tropa serve` runs this program: the HTTP server's networking libraries stay out of `tropa`.
        .executableTarget(
            name: "tropa-serve",
            dependencies: [
                "TropaServe",
                "TropaTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TropaKitTests",
            dependencies: ["TropaKit", "TropaServe"]
        ),
    ]
)

// libFuzzer targets, run by scripts/fuzz. Declared only with TROPA_FUZZ set: they link libFuzzer's `main`, so they
// build only with `-sanitize=fuzzer`, which an ordinary `swift build` does not pass.
if Context.environment["TROPA_FUZZ"] != nil {
    let fuzzTargets = ["FuzzJourney", "FuzzSchema", "FuzzRender"]
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["TropaKit"], path: "Fuzz/Support"))
    for name in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport", "TropaKit"],
                                                 path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
