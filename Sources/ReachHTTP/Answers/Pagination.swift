/// The paging of a page-numbered list: the platform's `pages` and `currentPage`, with Reach's
/// earlier names for the same numbers.
struct Pagination: Encodable {
    var total: Int
    var pages: Int
    var currentPage: Int
    var limit: Int
    var page: Int
    var totalPages: Int

    init(total: Int, page: Int, limit: Int) {
        self.total = total
        self.limit = limit
        self.page = page
        currentPage = page
        pages = (total + limit - 1) / limit
        totalPages = pages
    }
}
