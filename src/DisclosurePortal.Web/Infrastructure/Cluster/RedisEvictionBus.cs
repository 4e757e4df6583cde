using StackExchange.Redis;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Evictions through Redis pub/sub (issue 24, ADR 45): each node publishes the tags of the changes committed through it
/// and applies the others'. Pub/sub keeps nothing for a node that is not listening, so when this node's subscription
/// comes back after Redis was away, it evicts everything it holds: it may have missed messages. A message that cannot be
/// published (Redis away) is retried until it goes.
/// </summary>
public sealed class RedisEvictionBus(IConnectionMultiplexer redis, string cluster, IServiceProvider services, ILogger<RedisEvictionBus> logger)
    : BackgroundService, IEvictionBus
{
    private readonly RedisChannel _channel = RedisChannel.Literal(cluster + ":evictions");

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly System.Threading.Channels.Channel<string> _outbox = System.Threading.Channels.Channel.CreateUnbounded<string>();

    public void Publish(IReadOnlyCollection<string> tags) => _outbox.Writer.TryWrite(EvictionMessage.Write(_node, tags));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var evictions = services.GetRequiredService<PageEvictions>();
        var subscriber = redis.GetSubscriber();
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            logger.LogWarning("Redis is back: every cached page and datum of this node is evicted (evictions may have been missed)");
            _ = evictions.EvictLocallyAsync([Caching.PublicPageTags.Site]);
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await subscriber.SubscribeAsync(_channel);
                queue.OnMessage(async message =>
                {
                    var (node, tags) = EvictionMessage.Read(message.Message.ToString());
                    if (node != _node && tags.Length > 0) await evictions.EvictLocallyAsync(tags);
                });
                break;
            }
            catch (RedisException e)
            {
                logger.LogWarning("Redis is not reachable yet ({Problem}); subscribing again in a second", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        await foreach (var message in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    await subscriber.PublishAsync(_channel, message);
                    break;
                }
                catch (RedisException e)
                {
                    if (attempt == 0) logger.LogWarning("An eviction could not be sent to the other nodes ({Problem}); retrying", e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                }
            }
        }
    }
}
