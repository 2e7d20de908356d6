import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

@Suite("Import refuses what is not a dump")
struct ImportRefusalTests {
    @Test("a text file without COPY blocks, a directory, or only other tables' blocks: refused, nothing changed, even with --force")
    func notADump() throws {
        let database = try ReachDatabase.temporary()
        _ = try DemoSeeder(database: database).seed(scale: 0)
        let before = try export(database)
        for text in ["root:x:0:0:root:/root:/bin/bash\n", "", "COPY public.other (a) FROM stdin;\n1\n\\.\n"] {
            #expect(throws: CopyError.self) { try importScript(text, into: database, force: true) }
        }
        #expect(throws: CopyError.self) { try Importer(force: true).importFile("/tmp", into: database) }
        #expect(try export(database) == before)
    }
}
