using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// A logger provider that keeps every Error and Critical entry the portal writes, and every Warning that carries
/// an exception (Blazor logs an exception caught by an <c>ErrorBoundary</c> — the page's error UI — as a Warning),
/// so a browser test can assert that visiting a page logged nothing and name the entry when it did. Each entry
/// records the signed-in user and path of the request it was logged in (for a circuit: its <c>/_blazor</c>
/// connection), so tests that drive several users at once can tell whose visit logged it.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Entry>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpContextAccessor _http = new();

    public sealed record Entry(DateTimeOffset At, LogLevel Level, string Category, string Message, Exception? Exception, string? User, string? Path)
    {
        /// <summary>One line: level, category, the message, the innermost exception and the first frame in the portal's code.</summary>
        public override string ToString()
        {
            var inner = Exception;
            while (inner?.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            var exception = inner is null ? string.Empty : $" — {inner.GetType().FullName}: {OneLine(inner.Message, 900)}";
            var frame = inner?.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("CivilAffairs", StringComparison.Ordinal));
            return $"[{Level}] {Category}: {OneLine(Message, inner is null ? 400 : 120)}{exception}{(frame is null ? string.Empty : " (" + frame + ")")}";
        }

        private static string OneLine(string text, int max)
        {
            var line = string.Join(' ', text.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return line.Length <= max ? line : line[..(max / 2)] + " … " + line[^(max / 2)..];
        }
    }

    /// <summary>Takes every entry logged since the last call.</summary>
    public IReadOnlyList<Entry> Drain() => [.. _entries.Keys.SelectMany(Drain).OrderBy(e => e.At)];

    /// <summary>Takes the entries logged in the user's requests and circuits since the last call ("" for none signed in).</summary>
    public IReadOnlyList<Entry> Drain(string user)
    {
        var list = new List<Entry>();
        if (_entries.TryGetValue(user, out var queue))
        {
            while (queue.TryDequeue(out var entry))
            {
                list.Add(entry);
            }
        }

        return list;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message, Exception? exception)
    {
        string? user = null;
        string? path = null;
        try
        {
            var context = _http.HttpContext;
            user = context?.User.Identity?.Name;
            path = context?.Request.Path.Value;
        }
        catch (ObjectDisposedException)
        {
            // Logged after its request ended: nobody to attribute it to.
        }

        _entries.GetOrAdd(user ?? string.Empty, _ => new()).Enqueue(new Entry(DateTimeOffset.UtcNow, level, category, message, exception, user, path));
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error || (logLevel == LogLevel.Warning && exception is not null))
            {
                log.Add(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
