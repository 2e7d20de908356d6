/// The paging of a page-numbered list.
struct Pagination: Encodable {
    var total: Int
    var page: Int
    var limit: Int
    var totalPages: Int
}
