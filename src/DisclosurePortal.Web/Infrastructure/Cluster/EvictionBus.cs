using System.Threading.Channels;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// What both buses do (ADR 45): queue this node's evictions and send them one by one, retrying a message that cannot go
/// until it does; apply the other nodes' messages; evict everything when messages may have been missed (the connection
/// came back). The transport — Redis pub/sub or PostgreSQL NOTIFY — is the subclass's.
/// </summary>
public abstract class EvictionBus(IServiceProvider services, ILogger logger) : BackgroundService, IEvictionBus
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>();

    // Resolved when first needed: PageEvictions itself depends on this bus.
    private PageEvictions Evictions => services.GetRequiredService<PageEvictions>();

    public void Publish(IReadOnlyCollection<string> tags) => _outbox.Writer.TryWrite(EvictionMessage.Write(_node, tags));

    /// <summary>A message from the channel: applied unless this node sent it.</summary>
    protected Task ReceivedAsync(string message)
    {
        var (node, tags) = EvictionMessage.Read(message);
        return node != _node && tags.Length > 0 ? Evictions.EvictLocallyAsync(tags) : Task.CompletedTask;
    }

    /// <summary>The channel is back after an outage: whatever was sent meanwhile is lost, so this node forgets everything.</summary>
    protected Task MissedAsync(string transport)
    {
        logger.LogWarning("{Transport} is back: every cached page and datum of this node is evicted (evictions may have been missed)", transport);
        return Evictions.EvictLocallyAsync([Caching.PublicPageTags.Site]);
    }

    /// <summary>Sends the queued messages in order until the node stops; a failure <paramref name="transient"/> accepts is
    /// retried every half second.</summary>
    protected async Task SendQueuedAsync(Func<string, CancellationToken, Task> send, Func<Exception, bool> transient, CancellationToken ct)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(ct))
        {
            for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
            {
                try
                {
                    await send(message, ct);
                    break;
                }
                catch (Exception e) when (transient(e))
                {
                    if (attempt == 0) logger.LogWarning("An eviction could not be sent to the other nodes ({Problem}); retrying", e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
            }
        }
    }
}
