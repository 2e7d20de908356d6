import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

extension Dashboard {
    func addAccountPages(to routes: Routes) {
        routes.get("/account") { request, _ in
            await signedIn(request) { session in
                let userId = session.identity.userId
                let now = clock.now()
                let (profile, billing, plans) = try await database.reader.read { db in
                    (try Onboarding.profile(db, userId), try AccountStatus.billing(db, userId: userId, now: now),
                     try SubscriptionPlan.fetchAllOrdered(db, activeOnly: true))
                }
                return page("account", [
                    "title": "Account", "navAccount": true,
                    "profile": ["fullName": profile.fullName ?? "", "businessName": profile.businessName ?? "",
                                "brandDescription": profile.brandDescription ?? ""],
                    "step1Done": profile.onboardingStep >= .infoCaptured, "step2Done": profile.onboardingStep >= .intentCaptured,
                    "completed": profile.onboardingStep == .completed,
                    "billing": [
                        "planName": billing.planName, "subscriptionStatus": billing.subscriptionStatus.rawValue,
                        "trialStatus": billing.trialStatus.rawValue, "isTrialing": billing.isTrialing,
                        "daysRemaining": billing.daysRemaining, "hoursRemaining": billing.hoursRemaining,
                        "minutesRemaining": billing.minutesRemaining, "trialProgressPercentage": billing.trialProgressPercentage,
                    ],
                    "usage": usageView(billing.usageInfo),
                    "plans": plans.map { plan -> [String: Any] in
                        ["key": plan.planKey, "displayName": plan.displayName,
                         "price": String(format: "$%.2f", Double(plan.monthlyPrice) / 100),
                         "campaigns": Display.limit(plan.campaignsLimit), "creators": Display.limit(plan.creatorsLimit),
                         "exports": "Exports: " + (plan.features?["exportFormats"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "none"),
                         "current": plan.planKey == billing.currentPlan.rawValue, "csrf": session.csrf,
                         "mockBilling": mockBilling]
                    },
                ], session: session, request: request)
            }
        }
        routes.post("/account/onboarding/1") { request, _ in
            await action(request, back: "/account") { session, fields in
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try Onboarding.captureInfo(db, userId: session.identity.userId, fullName: fields["fullName"] ?? "",
                                               businessName: fields["businessName"] ?? "", now: now, context: EventContext())
                }
                return redirect("/account", flash: "Step 1 saved.")
            }
        }
        routes.post("/account/onboarding/2") { request, _ in
            await action(request, back: "/account") { session, fields in
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try Onboarding.captureIntent(db, userId: session.identity.userId, brandDescription: fields["brandDescription"] ?? "",
                                                 now: now)
                }
                return redirect("/account", flash: "Step 2 saved.")
            }
        }
        routes.post("/account/onboarding/complete") { request, _ in
            await action(request, back: "/account") { session, _ in
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try Onboarding.complete(db, userId: session.identity.userId, now: now, context: EventContext())
                }
                return redirect("/account", flash: "Onboarding complete: your trial is running.")
            }
        }
        routes.post("/account/checkout") { request, _ in
            // A plan change without payment: only for demos, where no Stripe can take one.
            guard mockBilling else { throw Problem.notFound("no mock checkout here: plans change through Stripe or an admin") }
            return await action(request, back: "/account") { session, fields in
                guard let plan = PlanKey(parsing: fields["plan"] ?? ""), plan != .free else {
                    throw ReachError.invalid(field: "plan", reason: "choose glow_up, viral_surge or fame_flex")
                }
                let now = clock.nowMilliseconds()
                try await database.writer.write { db in
                    // Offline, checkout is Stripe's own event, applied as the webhook would apply it.
                    let profile = try Onboarding.profile(db, session.identity.userId)
                    let event = try SampleWebhooks.stripe("checkout.session.completed", userId: profile.userId, profile: profile,
                                                          plan: plan, status: nil, now: now)
                    _ = try Billing.apply(db, event: event, now: now, context: EventContext(source: "user_action"))
                }
                return redirect("/account", flash: "You are on the \(plan.rawValue) plan (mock checkout).")
            }
        }
    }
}
