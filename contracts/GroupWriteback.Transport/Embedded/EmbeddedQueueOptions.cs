using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// The embedded durable queue: one SQLite file shared by the local cloud host and the agent.
/// Bound from the <c>EmbeddedQueue</c> section.
/// </summary>
public sealed class EmbeddedQueueOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "EmbeddedQueue";

    /// <summary>
    /// Path of the SQLite file (<c>EmbeddedQueue:Path</c>). Every process that shares the queue
    /// must use the same file; a relative path is taken from the working directory.
    /// </summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>How long a received message (and an accepted session) stays locked without activity.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which a message goes to the dead-letter store.</summary>
    [Range(1, 1000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>
    /// How long a message id is remembered to drop duplicate sends. Shorter than the cloud's result timeout, so a
    /// command re-queued for a missing result is delivered again (as the Service Bus queue is configured).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a waiting receiver looks for new messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an operation waits for another process's write transaction to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
