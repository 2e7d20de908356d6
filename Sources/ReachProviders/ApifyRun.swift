import Foundation
import ReachCore

/// One run of an Apify actor, asynchronously: start it, wait for it (`waitForFinish`), read its
/// dataset; a run still going after `providers.apify_run_timeout` or the search's deadline is
/// aborted.
struct ApifyRun {
    let calls: ProviderCalls
    let actorId: String

    func items(_ input: JSONValue, hooks: StepHooks) async throws -> [JSONValue] {
        let started = calls.clock.now()
        let answer = try await calls.post(.apify, "/v2/acts/\(URLQuery.component(actorId))/runs", body: input).value
        let data = answer["data"]
        let runId = Raw.text(data?["id"])
        guard !runId.isEmpty else { throw ProviderError("Apify started no run (no data.id)", isTransient: false) }
        var dataset = Raw.text(data?["defaultDatasetId"])
        var status = Raw.text(data?["status"], or: "READY")
        let wait = max(1, min(60, Int(calls.settings.requestTimeout) - 1))
        // Each poll waits up to `wait` s on Apify's side; the count bounds a run that answers at once.
        let polls = Int(calls.settings.apifyRunTimeout) / wait + 2
        var polled = 0
        while !["SUCCEEDED", "FAILED", "ABORTED", "TIMED-OUT"].contains(status) {
            let elapsed = calls.clock.now().timeIntervalSince(started)
            let pastDeadline = calls.deadline.map { calls.clock.now() >= $0 } ?? false
            polled += 1
            let running = await hooks.isRunning()
            if elapsed >= calls.settings.apifyRunTimeout || polled > polls || pastDeadline || !running {
                _ = try? await calls.post(.apify, "/v2/actor-runs/\(URLQuery.component(runId))/abort", body: [:], role: .secondary)
                if pastDeadline { throw SearchTimedOut() }
                throw ProviderError("Apify run \(runId) took longer than providers.apify_run_timeout: aborted", isTransient: false)
            }
            let run = try await calls.get(.apify, "/v2/actor-runs/\(URLQuery.component(runId))",
                                          query: [("waitForFinish", String(wait))])
            status = Raw.text(run["data"]?["status"], or: status)
            dataset = Raw.text(run["data"]?["defaultDatasetId"], or: dataset)
        }
        guard status == "SUCCEEDED" else { throw ProviderError("Apify run \(runId) ended \(status)", isTransient: false) }
        guard !dataset.isEmpty else { throw ProviderError("Apify run \(runId) has no dataset", isTransient: false) }
        let items = try await calls.get(.apify, "/v2/datasets/\(URLQuery.component(dataset))/items",
                                        query: [("format", "json"), ("clean", "true")])
        guard case .array(let list) = items else { throw ProviderError("Apify answered a dataset that is not a list", isTransient: false) }
        return list
    }
}
