import Foundation
import ReachStore

final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    var storage = Node(.value(.null))

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.kind {} else { storage.kind = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.kind {} else { storage.kind = .array([]) }
        return UnkeyedContainer(node: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: storage, codingPath: codingPath)
    }

    static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Node {
        if let special = WireEncoder.special(value) { return special }
        let encoder = ValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.storage
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func set(_ key: Key, _ child: Node) {
        guard case .object(var members) = node.kind else { return }
        node.kind = .value(.null)  // so `members` is the only reference and grows in place
        members[key.stringValue] = child
        node.kind = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, Node(.value(.null))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, Node(.value(.bool(value)))) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(key, Node(.value(.string(value)))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(key, Node(.value(.double(value)))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(key, Node(.value(.double(Double(value))))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(key, Node(.value(.int(value)))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(key, Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(key, Node(.value(.int(Int64(clamping: value))))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try ValueEncoder.encode(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = Node(.object([:]))
        set(key, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        set(key, child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let items) = node.kind { return items.count }
        return 0
    }

    private func append(_ child: Node) {
        guard case .array(var items) = node.kind else { return }
        node.kind = .value(.null)  // so `items` is the only reference and grows in place
        items.append(child)
        node.kind = .array(items)
    }

    mutating func encodeNil() throws { append(Node(.value(.null))) }
    mutating func encode(_ value: Bool) throws { append(Node(.value(.bool(value)))) }
    mutating func encode(_ value: String) throws { append(Node(.value(.string(value)))) }
    mutating func encode(_ value: Double) throws { append(Node(.value(.double(value)))) }
    mutating func encode(_ value: Int) throws { append(Node(.value(.int(Int64(value))))) }
    mutating func encode(_ value: Int64) throws { append(Node(.value(.int(value)))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try ValueEncoder.encode(value, codingPath: codingPath + [IndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(.object([:]))
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.kind = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.kind = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.kind = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.kind = .value(.double(value)) }
    mutating func encode(_ value: Int) throws { node.kind = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.kind = .value(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.kind = try ValueEncoder.encode(value, codingPath: codingPath).kind
    }
}
