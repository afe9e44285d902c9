import Testing
@testable import TropaKit
@Test func version() { #expect(!Tropa.version.isEmpty) }
