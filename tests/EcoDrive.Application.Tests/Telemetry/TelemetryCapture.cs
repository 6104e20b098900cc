using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcoDrive.Application.Telemetry;

namespace EcoDrive.Application.Tests.Telemetry;

/// <summary>
/// Collects EcoDrive's spans and measurements in process, as an exporter would see them. Listeners are process-wide and
/// other tests run in parallel, so everything is started under a root activity of the capture's own and only what
/// belongs to its trace is kept: spans by trace id, measurements by the activity current when they were recorded. Spans
/// not marked for recording are left out, as an exporter leaves them.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly Activity _root;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture()
    {
        // The root first: the listeners are process-wide, so their callbacks may run for another test's activity or
        // measurement as soon as they are registered, and they read this trace id.
        _root = new Activity("telemetry test").SetIdFormat(ActivityIdFormat.W3C).Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EcoDriveTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId && activity.Recorded)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EcoDriveTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ActivityTraceId TraceId => _root.TraceId;

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public Activity Span(string name) => Assert.Single(_spans, s => s.DisplayName == name);

    /// <summary>Every text the telemetry carries: span names, tags, event names and tags, measurement tags.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var span in _spans)
        {
            yield return span.DisplayName;
            yield return span.StatusDescription ?? string.Empty;
            foreach (var tag in span.TagObjects)
            {
                yield return $"{tag.Key}={tag.Value}";
            }

            foreach (var spanEvent in span.Events)
            {
                yield return spanEvent.Name;
                foreach (var tag in spanEvent.Tags)
                {
                    yield return $"{tag.Key}={tag.Value}";
                }
            }
        }

        foreach (var measurement in _measurements)
        {
            foreach (var tag in measurement.Tags)
            {
                yield return $"{measurement.Instrument} {tag.Key}={tag.Value}";
            }
        }
    }

    public void Dispose()
    {
        _root.Stop();
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (Activity.Current?.TraceId == TraceId)
        {
            _measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray()));
        }
    }

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyList<KeyValuePair<string, object?>> Tags)
    {
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }
}
