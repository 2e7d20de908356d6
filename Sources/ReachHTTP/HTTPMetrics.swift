import Foundation
import Prometheus
import ReachCore

/// Prometheus metrics: requests and latency by route, and the queue's state read at each scrape.
///
/// Uses its own registry rather than the process-wide `MetricsSystem`, so that each application
/// (and each test) has its own figures.
public final class HTTPMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    func record(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: .init(namespace: "reach", metricName: "http_requests", unitName: "total", helpText: "HTTP requests"),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "reach", metricName: "http_request_duration", unitName: "seconds",
                              helpText: "HTTP request latency"),
            labels: [("method", method), ("route", route)], buckets: Self.buckets
        ).record(duration)
    }

    /// The text exposition, with the queue's figures.
    func render(_ figures: Maintenance.QueueFigures) -> String {
        for status in BackgroundJobStatus.allCases {
            registry.makeGauge(
                descriptor: .init(namespace: "reach", metricName: "background_jobs", helpText: "Background jobs by status"),
                labels: [("status", status.rawValue)]
            ).set(to: Double(figures.jobs[status] ?? 0))
        }
        registry.makeGauge(descriptor: .init(namespace: "reach", metricName: "queue_depth",
                                             helpText: "Background jobs due now and waiting for a worker"))
            .set(to: Double(figures.due))
        registry.makeGauge(descriptor: .init(namespace: "reach", metricName: "queue_scheduled_later",
                                             helpText: "Background jobs pending, scheduled for later"))
            .set(to: Double(figures.scheduledLater))
        registry.makeGauge(descriptor: .init(namespace: "reach", metricName: "oldest_pending_job_age", unitName: "seconds",
                                             helpText: "Age of the oldest due pending job"))
            .set(to: figures.oldestPendingAge ?? 0)
        registry.makeGauge(descriptor: .init(namespace: "reach", metricName: "searches_running",
                                             helpText: "Searches pending or processing"))
            .set(to: Double(figures.searchesRunning))
        registry.makeGauge(descriptor: .init(namespace: "reach", metricName: "events_pending",
                                             helpText: "1 when events wait for the processor"))
            .set(to: figures.eventsPending ? 1 : 0)
        return registry.emitToString()
    }
}
