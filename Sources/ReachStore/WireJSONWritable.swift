/// A value that writes its own answer JSON (the wire format: keys sorted, timestamps ISO-8601
/// with milliseconds and `Z`, UUIDs lowercase, absent optionals left out), for the answers that
/// carry many of them: building the encoder's tree for each field was most of their cost.
public protocol WireJSONWritable {
    func writeWireJSON(to output: inout String)
}
