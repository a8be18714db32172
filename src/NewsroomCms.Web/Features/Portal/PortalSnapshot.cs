using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// What every reader's page shows around its own content, kept in memory between changes: the paper's
/// details and sections (<see cref="SiteChrome"/>) and the most-read list. Without it each page read the
/// settings, the sections and a day-by-day sum of views: a quarter of an uncached article page's time.
/// </summary>
/// <remarks>
/// Forgotten together with the cached pages whenever what readers see changes (<see cref="PortalEviction"/>),
/// and the most-read list also whenever new view counts are written (<see cref="ArticleViewCounter"/>). The
/// lifetimes only bound what another instance's changes, or a change made straight in the database, leave
/// behind: as long as a cached page for the paper's details, one view-flush interval for the list.
/// </remarks>
public sealed class PortalSnapshot(TimeProvider clock, IOptions<OutputCacheSettings> cache, IOptions<PortalOptions> portal)
{
    private readonly Kept<SiteChrome> _chrome = new(clock, cache.Value.Duration);
    private readonly Kept<IReadOnlyList<MostRead>> _mostRead = new(clock, portal.Value.ViewFlushInterval);

    public Task<SiteChrome> ChromeAsync(Func<Task<SiteChrome>> load) => _chrome.GetAsync(load);

    public Task<IReadOnlyList<MostRead>> MostReadAsync(Func<Task<IReadOnlyList<MostRead>>> load) => _mostRead.GetAsync(load);

    public void Forget()
    {
        _chrome.Forget();
        _mostRead.Forget();
    }

    public void ForgetMostRead() => _mostRead.Forget();

    /// <summary>One value, loaded by the first request that needs it and kept until forgotten or expired.</summary>
    /// <remarks>
    /// A load that began before a change finishes after it with what was there before: the generation
    /// tells, and such a value is used for its own request but not kept.
    /// </remarks>
    private sealed class Kept<T>(TimeProvider clock, TimeSpan lifetime)
        where T : class
    {
        private readonly Lock _gate = new();
        private T? _value;
        private DateTimeOffset _expires;
        private long _generation;

        public async Task<T> GetAsync(Func<Task<T>> load)
        {
            long generation;
            lock (_gate)
            {
                if (_value is not null && clock.GetUtcNow() < _expires)
                {
                    return _value;
                }

                generation = _generation;
            }

            var loaded = await load();
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _value = loaded;
                    _expires = clock.GetUtcNow() + lifetime;
                }
            }

            return loaded;
        }

        public void Forget()
        {
            lock (_gate)
            {
                _value = null;
                _generation++;
            }
        }
    }
}
