import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

/// `tropa serve` starts `tropa-serve`, installed beside `tropa`, with the same options: the server lives in a
/// program of its own so that the other commands do not load its networking libraries.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.configuration

    @OptionGroup var options: ServeOptions

    /// Its own errors are in the language of the command's help: `--lang`, else the site's, else the locale's.
    func run() throws {
        let tropa = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let folder = tropa.resolvingSymlinksInPath().deletingLastPathComponent()
        let path = folder.appendingPathComponent("tropa-serve").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Terminal.printError(.noTropaServe(path), help: Self.howToBuild(into: folder), language: HelpLanguage.current)
            throw ExitCode(2)
        }
        let arguments = [path] + options.arguments
        let argv = arguments.map { strdup($0) } + [nil]
        execv(path, argv)
        Terminal.printError(.errorLine(.cannotStart(path: path, reason: String(cString: strerror(errno)))),
                            language: HelpLanguage.current)
        throw ExitCode(2)
    }

    /// The command that puts tropa-serve into `folder`: a build of the same package and configuration when tropa
    /// runs from its build folder (`.build/<triple>/debug` or `release`), else a build to copy from.
    static func howToBuild(into folder: URL) -> Message {
        let components = folder.pathComponents
        guard let build = components.lastIndex(of: ".build"), build > 0 else { return .buildTropaServe(folder.path) }
        let package = NSString.path(withComponents: Array(components[..<build]))
        let quoted = package.contains(where: { " '\"$\\".contains($0) })
            ? "'" + package.replacingOccurrences(of: "'", with: "'\\''") + "'" : package
        let configuration = components.last == "release" ? " -c release" : ""
        return .run("swift build --package-path \(quoted)\(configuration) --product tropa-serve")
    }
}
