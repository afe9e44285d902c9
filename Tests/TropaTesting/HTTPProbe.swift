import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare HTTP/1.1 client over a socket to 127.0.0.1, enough for the end-to-end tests of `tropa serve`:
/// whole responses for pages, and a connection kept open to read a Server-Sent Events stream as it arrives.
package final class HTTPProbe {
    package struct Response {
        package var status: Int
        package var headers: String
        package var body: String
    }

    private let socket: Int32
    private var received: [UInt8] = []

    /// Connects and sends a GET for `path`.
    package init(port: Int, path: String) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw ProbeError("cannot connect to port \(port): errno \(errno)")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { throw ProbeError("cannot send") }
    }

    deinit { close(socket) }

    /// One whole response: reads until the server closes the connection.
    package static func get(port: Int, _ path: String, timeout: TimeInterval = 10) throws -> Response {
        let probe = try HTTPProbe(port: port, path: path)
        let deadline = Date().addingTimeInterval(timeout)
        while try probe.readMore(until: deadline) {}
        let text = String(decoding: probe.received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n"),
              let status = Int(text.split(separator: " ").dropFirst().first ?? "") else {
            throw ProbeError("not an HTTP response: \(text.prefix(200))")
        }
        var body = String(text[split.upperBound...])
        if text[..<split.lowerBound].lowercased().contains("transfer-encoding: chunked") { body = dechunk(body) }
        return Response(status: status, headers: String(text[..<split.lowerBound]), body: body)
    }

    /// Reads until everything received so far contains `text` (true), or the time is up (false).
    package func wait(for text: String, timeout: TimeInterval = 10) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !String(decoding: received, as: UTF8.self).contains(text) {
            guard try readMore(until: deadline) else { return false }
        }
        return true
    }

    /// Everything received so far, as text.
    package var text: String { String(decoding: received, as: UTF8.self) }

    /// Reads what arrives before `deadline`; false when the connection closed or the time is up.
    private func readMore(until deadline: Date) throws -> Bool {
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        received += buffer[..<count]
        return true
    }

    /// The body of a chunked response without its chunk sizes.
    private static func dechunk(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            result += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return result
    }
}

package struct ProbeError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
