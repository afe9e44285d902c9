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

    func run() throws {
        let tropa = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let path = tropa.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("tropa-serve").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Terminal.printError("error: tropa serve needs tropa-serve beside tropa, at \(path) "
                + "(swift build --product tropa-serve)")
            throw ExitCode(2)
        }
        let arguments = [path] + options.arguments
        let argv = arguments.map { strdup($0) } + [nil]
        execv(path, argv)
        Terminal.printError("error: cannot start \(path): \(String(cString: strerror(errno)))")
        throw ExitCode(2)
    }
}
