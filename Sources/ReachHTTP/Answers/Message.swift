import Hummingbird

/// An answer that is only a sentence.
struct Message: ResponseEncodable {
    var message: String
}
