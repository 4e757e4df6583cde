using Npgsql;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Evictions through PostgreSQL's LISTEN/NOTIFY (issue 24, ADR 45; <c>Cluster:Evictions=postgres</c>): the alternative
/// measured against Redis pub/sub. One connection per node listens; a NOTIFY is sent on a pooled connection after the
/// change committed. When the listening connection is lost and made again, this node evicts everything it holds.
/// </summary>
public sealed class PostgresEvictionBus(string connectionString, string cluster, IServiceProvider services, ILogger<PostgresEvictionBus> logger)
    : BackgroundService, IEvictionBus
{
    // A quoted identifier: the cluster's name may hold '-'.
    private readonly string _channel = cluster.Replace('-', '_') + "_evictions";

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly System.Threading.Channels.Channel<string> _outbox = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public void Publish(IReadOnlyCollection<string> tags) => _outbox.Writer.TryWrite(EvictionMessage.Write(_node, tags));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        var evictions = services.GetRequiredService<PageEvictions>();
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(ct);
                connection.Notification += (_, e) =>
                {
                    var (node, tags) = EvictionMessage.Read(e.Payload);
                    if (node != _node && tags.Length > 0) evictions.EvictLocallyAsync(tags).GetAwaiter().GetResult();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection)) await listen.ExecuteNonQueryAsync(ct);
                if (lost)
                {
                    logger.LogWarning("Listening to PostgreSQL again: every cached page and datum of this node is evicted (evictions may have been missed)");
                    await evictions.EvictLocallyAsync([Caching.PublicPageTags.Site]);
                }
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                lost = true;
                logger.LogWarning("The eviction listener lost PostgreSQL ({Problem}); listening again in a second", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(ct))
        {
            for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
            {
                try
                {
                    await using var notify = _source.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    notify.Parameters.AddWithValue("channel", _channel);
                    notify.Parameters.AddWithValue("payload", message);
                    await notify.ExecuteNonQueryAsync(ct);
                    break;
                }
                catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
                {
                    if (attempt == 0) logger.LogWarning("An eviction could not be sent to the other nodes ({Problem}); retrying", e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
            }
        }
    }

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
