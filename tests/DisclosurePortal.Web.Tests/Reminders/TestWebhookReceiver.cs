using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DisclosurePortal.Web.Tests.Reminders;

/// <summary>
/// A real HTTP receiver on loopback (HttpListener) that keeps every POST's body, query and headers and answers 200.
/// Its port is chosen at construction and kept: <see cref="Stop"/> is an outage, <see cref="Start"/> brings it back.
/// </summary>
public sealed class TestWebhookReceiver : IDisposable
{
    private HttpListener? _listener;
    private readonly ConcurrentQueue<ReceivedCall> _received = new();

    public TestWebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public IReadOnlyCollection<ReceivedCall> Received => _received.ToArray();

    public void Start()
    {
        if (_listener is not null) return;
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = AcceptAsync(_listener);
    }

    public void Stop()
    {
        var l = _listener;
        _listener = null;
        l?.Close();
    }

    public async Task<ReceivedCall> WaitForAsync(Func<ReceivedCall, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (_received.FirstOrDefault(match) is { } call) return call;
            await Task.Delay(50);
        }
        throw new TimeoutException("No matching webhook call reached the test receiver.");
    }

    private async Task AcceptAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                _received.Enqueue(new ReceivedCall(context.Request.HttpMethod, context.Request.Url?.Query ?? "", context.Request.ContentType ?? "",
                    context.Request.Headers["X-Portal-Signature"], await reader.ReadToEndAsync()));
            }
            context.Response.StatusCode = 200;
            var ok = Encoding.UTF8.GetBytes("{\"errcode\":0}");
            await context.Response.OutputStream.WriteAsync(ok);
            context.Response.Close();
        }
    }

    public void Dispose() => Stop();
}

public sealed record ReceivedCall(string Method, string Query, string ContentType, string? Signature, string Body);
