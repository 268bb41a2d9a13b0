import Foundation
import Testing

/// Validates every vector file against the JSON Schema its `schema` field names, with an
/// independent validator: Python's `jsonschema` (Draft 2020-12).
///
/// The interpreter is $SPHINX_PYTHON, else .venv-interop/bin/python (made by
/// scripts/setup-interop), else python3 on the PATH; the first one that can import jsonschema
/// is used. With none, the test is skipped with a message, except under CI=true, where that is
/// a failure.
@Suite struct SchemaTests {
    static let python: String? = findPython()
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static func findPython() -> String? {
        var candidates: [String] = []
        if let chosen = ProcessInfo.processInfo.environment["SPHINX_PYTHON"], !chosen.isEmpty {
            candidates.append(chosen)
        }
        candidates.append(TestSupport.packageRoot.appendingPathComponent(".venv-interop/bin/python").path)
        candidates.append("python3")
        for candidate in candidates {
            let usable = (try? runPython(candidate, ["-c", "import jsonschema"]))?.status == 0
            if usable { return candidate }
        }
        return nil
    }

    static func runPython(_ python: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable: URL
        var args = arguments
        if python.contains("/") {
            executable = URL(fileURLWithPath: python)
            guard FileManager.default.isExecutableFile(atPath: python) else { return (127, "") }
        } else {
            executable = URL(fileURLWithPath: "/usr/bin/env")
            args = [python] + arguments
        }
        let (status, out, err) = try TestSupport.run(executable, args)
        return (status, String(decoding: out + err, as: UTF8.self))
    }

    /// The validation script. It also checks that each schema is a valid Draft 2020-12 schema and
    /// that it rejects a file with an unknown key, so a schema that accepts anything fails.
    static let script = #"""
        import json, pathlib, sys, copy
        import jsonschema
        root = pathlib.Path(sys.argv[1])
        schemas = {}
        failures = 0
        checked = 0
        for path in sorted(root.rglob("*.json")):
            rel = path.relative_to(root).as_posix()
            if rel.startswith("schemas/") or rel.startswith("external/"):
                continue
            doc = json.loads(path.read_text(encoding="utf-8"))
            name = doc.get("schema") if isinstance(doc, dict) else None
            if not isinstance(name, str) or not (root / "schemas" / name).is_file():
                print(f"FAIL {rel}: names no schema under schemas/ ({name!r})")
                failures += 1
                continue
            if name not in schemas:
                schema = json.loads((root / "schemas" / name).read_text(encoding="utf-8"))
                jsonschema.Draft202012Validator.check_schema(schema)
                schemas[name] = jsonschema.Draft202012Validator(schema)
            validator = schemas[name]
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            for error in errors[:5]:
                print(f"FAIL {rel}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
            failures += 1 if errors else 0
            checked += 1
            extra = copy.deepcopy(doc)
            extra["unexpectedKey"] = 1
            if validator.is_valid(extra):
                print(f"FAIL {rel}: schema {name} accepts an unknown top-level key")
                failures += 1
        print(f"{checked} files checked, {failures} failed")
        sys.exit(1 if failures or checked == 0 else 0)
        """#

    @Test func everyFileValidatesAgainstItsSchema() throws {
        guard let python = Self.python else {
            if Self.inCI {
                Issue.record(
                    "CI=true but no Python with jsonschema was found ($SPHINX_PYTHON, .venv-interop/bin/python, python3): run scripts/setup-interop"
                )
            } else {
                print(
                    "SchemaTests: skipped: no Python with jsonschema ($SPHINX_PYTHON, .venv-interop/bin/python, python3)"
                )
            }
            return
        }
        let (status, output) = try Self.runPython(python, ["-c", Self.script, TestSupport.vectorsRoot.path])
        #expect(status == 0, "\(output)")
    }

    /// The validator must be able to fail: a primitives file whose hex is upper case, and one
    /// whose valid test lacks its output.
    @Test func theSchemaRejectsBrokenFiles() throws {
        guard let python = Self.python else { return }
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vectors-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.createDirectory(
            at: broken.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestSupport.vectorsRoot.appendingPathComponent("schemas/primitives.schema.json"),
            to: broken.appendingPathComponent("schemas/primitives.schema.json"))
        let original = try String(
            contentsOf: TestSupport.vectorsRoot.appendingPathComponent("primitives/sha256.json"), encoding: .utf8)
        let upper = original.replacingOccurrences(of: "e3b0c44298fc1c14", with: "E3B0C44298FC1C14")
        try upper.write(to: broken.appendingPathComponent("upper.json"), atomically: true, encoding: .utf8)
        let (status, output) = try Self.runPython(python, ["-c", Self.script, broken.path])
        #expect(status != 0, "the schema accepted upper-case hex: \(output)")
    }
}
