import Hummingbird
import ReachCore

// Records are answers as they are: encoded in the wire format by the context's encoder.
extension Campaign: ResponseEncodable {}
extension ScrapingJob: ResponseEncodable {}
extension UserProfile: ResponseEncodable {}
extension SystemConfiguration: ResponseEncodable {}
extension BackgroundJob: ResponseEncodable {}
extension AccountStatus.Billing: ResponseEncodable {}
extension SubscriptionState: ResponseEncodable {}
extension Admin.UserDetail: ResponseEncodable {}
extension Configuration.Initialization: ResponseEncodable {}
