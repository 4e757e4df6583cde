using StackExchange.Redis;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Evictions through Redis pub/sub (issue 24, ADR 45): each node publishes the tags of the changes committed through it
/// and applies the others'. Pub/sub keeps nothing for a node that is not listening, so when this node's subscription
/// comes back after Redis was away, it evicts everything it holds.
/// </summary>
public sealed class RedisEvictionBus(IConnectionMultiplexer redis, string cluster, IServiceProvider services, ILogger<RedisEvictionBus> logger)
    : EvictionBus(services, logger)
{
    private readonly RedisChannel _channel = RedisChannel.Literal(cluster + ":evictions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription) _ = MissedAsync("Redis");
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                (await subscriber.SubscribeAsync(_channel)).OnMessage(message => ReceivedAsync(message.Message.ToString()));
                break;
            }
            catch (RedisException e)
            {
                logger.LogWarning("Redis is not reachable yet ({Problem}); subscribing again in a second", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        await SendQueuedAsync((message, _) => subscriber.PublishAsync(_channel, message), e => e is RedisException, stoppingToken);
    }
}
