using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Security;

/// <summary>
/// Every back-office endpoint, driven as anonymous, a Reporter on their own article and on someone else's,
/// an Editor and an Admin. The list below is the contract: an endpoint the app has and the list does not
/// (or the other way round) fails <see cref="EveryBackOfficeEndpointIsInTheMatrix"/>, so a new action
/// cannot ship without someone deciding who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Site site) : IClassFixture<AuthorizationMatrixTests.Site>
{
    /// <summary>What one kind of user gets from one endpoint.</summary>
    public enum Access
    {
        /// <summary>Gets through: the action runs (and may still refuse the input with 409/422).</summary>
        Allowed,

        /// <summary>Sent to the access-denied page (403) by the endpoint's policy.</summary>
        Denied,

        /// <summary>Refused with 403 by the action itself: the thing is someone else's (an API answer, not a page).</summary>
        Refused,

        /// <summary>Answered 404: the article is not theirs, and they must not learn it exists.</summary>
        Hidden,
    }

    public enum Actor
    {
        Anonymous,
        ReporterOwn,
        ReporterOther,
        Editor,
        Admin,
    }

    /// <summary>One row: who may use it. A reporter's own/other columns differ only on article pages.</summary>
    public sealed record Rule(string Method, string Route, Access ReporterOwn, Access ReporterOther, Access Editor, Access Admin)
    {
        public Access For(Actor actor) => actor switch
        {
            Actor.ReporterOwn => ReporterOwn,
            Actor.ReporterOther => ReporterOther,
            Actor.Editor => Editor,
            Actor.Admin => Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(actor)),
        };

        public override string ToString() => $"{Method} {Route}";
    }

    private const Access A = Access.Allowed;
    private const Access D = Access.Denied;
    private const Access H = Access.Hidden;
    private const Access R = Access.Refused;

    /// <summary>Any newsroom member, on things that are not one article.</summary>
    private static Rule Member(string method, string route) => new(method, route, A, A, A, A);

    /// <summary>The article's own reporter and the editors; another reporter does not see it exists.</summary>
    private static Rule OwnArticle(string method, string route) => new(method, route, A, H, A, A);

    /// <summary>The editors' desk (Review policy).</summary>
    private static Rule Editors(string method, string route) => new(method, route, D, D, A, A);

    /// <summary>Admin pages (ManageUsers policy).</summary>
    private static Rule Admins(string method, string route) => new(method, route, D, D, D, A);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        Member("GET", "newsroom"),
        Member("GET", "newsroom/profile"),
        Member("POST", "newsroom/profile/password"),
        Member("POST", "newsroom/profile/pen-names"),
        Member("POST", "newsroom/profile/pen-names/{id:int}/remove"),
        Member("POST", "newsroom/profile/pen-names/{id:int}/reactivate"),
        Member("POST", "newsroom/media"),
        new("POST", "newsroom/media/{id:int}", A, R, A, A),
        new("PATCH", "newsroom/media/{id:int}", A, R, A, A),
        Member("GET", "newsroom/tags/suggest"),
        Member("POST", "newsroom/articles"),
        OwnArticle("GET", "newsroom/articles/{id:int}/edit"),
        OwnArticle("POST", "newsroom/articles/{id:int}/edit"),
        OwnArticle("POST", "newsroom/articles/{id:int}/autosave"),
        OwnArticle("POST", "newsroom/articles/{id:int}/withdraw"),
        OwnArticle("POST", "newsroom/articles/{id:int}/delete"),
        OwnArticle("GET", "newsroom/articles/{id:int}"),
        OwnArticle("GET", "newsroom/articles/{id:int}/revisions/{number:int}"),
        OwnArticle("GET", "newsroom/articles/{id:int}/compare"),
        OwnArticle("POST", "newsroom/articles/{id:int}/revisions/{number:int}/restore"),
        OwnArticle("POST", "newsroom/articles/{id:int}/resolve"),
        OwnArticle("POST", "newsroom/articles/{id:int}/lock/heartbeat"),
        OwnArticle("POST", "newsroom/articles/{id:int}/lock/release"),
        OwnArticle("GET", "newsroom/articles/{id:int}/take-over"),
        OwnArticle("POST", "newsroom/articles/{id:int}/take-over"),
        Editors("GET", "newsroom/review"),
        Editors("GET", "newsroom/review/{id:int}"),
        Editors("POST", "newsroom/review/{id:int}/request-changes"),
        Editors("POST", "newsroom/review/{id:int}/publish"),
        Editors("POST", "newsroom/review/{id:int}/schedule"),
        Editors("POST", "newsroom/review/{id:int}/unschedule"),
        Editors("POST", "newsroom/review/{id:int}/take-down"),
        Editors("POST", "newsroom/review/{id:int}/republish"),
        Editors("POST", "newsroom/review/{id:int}/correct"),
        // Each person's own notifications; someone else's answer 404 (NotificationsPageTests).
        Member("GET", "newsroom/notifications"),
        Member("GET", "newsroom/notifications/{id:long}"),
        Member("POST", "newsroom/notifications/{id:long}/read"),
        Member("POST", "newsroom/notifications/read-all"),
        Editors("GET", "newsroom/front-page"),
        Editors("POST", "newsroom/front-page"),
        Editors("POST", "newsroom/front-page/clear"),
        Editors("GET", "newsroom/sections"),
        Editors("POST", "newsroom/sections"),
        Editors("GET", "newsroom/sections/{id:int}"),
        Editors("POST", "newsroom/sections/{id:int}"),
        Editors("POST", "newsroom/sections/{id:int}/move-up"),
        Editors("POST", "newsroom/sections/{id:int}/move-down"),
        Editors("POST", "newsroom/sections/{id:int}/hide"),
        Editors("POST", "newsroom/sections/{id:int}/show"),
        Editors("GET", "newsroom/tags"),
        Editors("GET", "newsroom/tags/{id:int}"),
        Editors("POST", "newsroom/tags/{id:int}"),
        Editors("POST", "newsroom/tags/{id:int}/merge"),
        Editors("POST", "newsroom/tags/{id:int}/delete"),
        Editors("GET", "newsroom/authors"),
        Editors("GET", "newsroom/authors/new"),
        Editors("POST", "newsroom/authors/new"),
        Editors("GET", "newsroom/authors/{id:int}"),
        Editors("POST", "newsroom/authors/{id:int}"),
        Editors("POST", "newsroom/authors/{id:int}/retire"),
        Editors("POST", "newsroom/authors/{id:int}/unretire"),
        Admins("GET", "newsroom/users"),
        Admins("GET", "newsroom/users/new"),
        Admins("POST", "newsroom/users/new"),
        Admins("GET", "newsroom/users/{id}"),
        Admins("POST", "newsroom/users/{id}/roles"),
        Admins("POST", "newsroom/users/{id}/disable"),
        Admins("POST", "newsroom/users/{id}/enable"),
        Admins("POST", "newsroom/users/{id}/reset-password"),
        Admins("GET", "newsroom/audit"),
        Admins("GET", "newsroom/settings"),
        Admins("POST", "newsroom/settings"),
    ];

    /// <summary>Signed-in endpoints outside the back office that need no row: signing out works for anyone signed in.</summary>
    private static readonly HashSet<string> NotBackOffice = new(StringComparer.Ordinal) { "POST account/logout" };

    public static TheoryData<Rule, Actor> Cases()
    {
        var cases = new TheoryData<Rule, Actor>();
        foreach (var rule in Rules)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                cases.Add(rule, actor);
            }
        }

        return cases;
    }

    public static TheoryData<Rule> Writes()
    {
        var posts = new TheoryData<Rule>();
        foreach (var rule in Rules.Where(r => r.Method != "GET"))
        {
            posts.Add(rule);
        }

        return posts;
    }

    [Fact]
    public void EveryBackOfficeEndpointIsInTheMatrix()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText?.TrimStart('/')}"))
            .Where(key => !NotBackOffice.Contains(key))
            .ToHashSet(StringComparer.Ordinal);
        var listed = Rules.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);

        var unlisted = string.Join(", ", endpoints.Except(listed).Order(StringComparer.Ordinal));
        var gone = string.Join(", ", listed.Except(endpoints).Order(StringComparer.Ordinal));
        Assert.True(unlisted.Length == 0, $"Endpoints nobody has decided on yet: {unlisted}");
        Assert.True(gone.Length == 0, $"Listed endpoints the app no longer has: {gone}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachUserGetsWhatTheMatrixSays(Rule rule, Actor actor)
    {
        var client = await site.ClientAsync(actor);
        var path = await site.PathAsync(rule.Route, actor);

        var page = await SendAsync(client, rule.Method, path, await site.TokenAsync(actor));

        if (actor == Actor.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/login?ReturnUrl=", page.RedirectPath, StringComparison.Ordinal);
            return;
        }

        switch (rule.For(actor))
        {
            case Access.Denied:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
                break;
            case Access.Hidden:
                Assert.Equal(HttpStatusCode.NotFound, page.Status);
                break;
            case Access.Refused:
                Assert.Equal(HttpStatusCode.Forbidden, page.Status);
                Assert.StartsWith("{", page.Html, StringComparison.Ordinal);
                break;
            default:
                // Through the door: the action ran. An empty form may be refused on its merits (409/422,
                // or 400/403 with the action's own JSON answer to a script), but never with the error page
                // of a rejected antiforgery token, 403 by policy, 404 or a sign-in redirect.
                var answeredByAction = (int)page.Status is 400 or 403 && page.Html.StartsWith('{');
                var through = ((int)page.Status is 200 or 204 or 302 or 303 or 409 or 422 || answeredByAction)
                    && !(page.RedirectPath ?? "").StartsWith("/account/", StringComparison.Ordinal);
                Assert.True(through, $"{rule} as {actor}: {(int)page.Status} {page.RedirectPath}");

                break;
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task EveryPostNeedsAValidAntiforgeryToken(Rule rule)
    {
        // An Admin may use every endpoint, so only the token can stop the request.
        var client = await site.ClientAsync(Actor.Admin);
        var path = await site.PathAsync(rule.Route, Actor.Admin);

        var missing = await SendAsync(client, rule.Method, path, antiforgeryToken: null);
        var forged = await SendAsync(client, rule.Method, path, "CfDJ8forged-token");
        var someoneElses = await SendAsync(client, rule.Method, path, await site.TokenAsync(Actor.Editor));

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.Status);
        // The friendly error page, not an action's own answer: the request never reached the action.
        Assert.DoesNotMatch("^\\s*\\{", missing.Html);
    }

    private static async Task<FormClient.Page> SendAsync(FormClient client, string method, string path, string? antiforgeryToken)
    {
        if (method == "GET")
        {
            return await client.GetAsync(path);
        }

        var fields = new Dictionary<string, string>();
        if (antiforgeryToken is not null)
        {
            fields["__RequestVerificationToken"] = antiforgeryToken;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent(fields) };
        using var response = await client.Http.SendAsync(request);
        return await FormClient.Page.ReadAsync(response);
    }

    /// <summary>
    /// One app with one account per kind of user. Every case gets fresh things to act on (an article of
    /// the reporter's, a user account, a pen name), so one case's delete or publish never changes another's.
    /// </summary>
    public sealed class Site : NewsroomAppFactory, IAsyncLifetime
    {
        private readonly Dictionary<Actor, (FormClient Client, ApplicationUser? User)> _actors = [];
        private readonly Dictionary<Actor, string> _tokens = [];

        public async Task InitializeAsync()
        {
            _actors[Actor.Anonymous] = (new FormClient(this).InEnglish(), null);
            foreach (var (actor, role) in new[] { (Actor.ReporterOwn, Roles.Reporter), (Actor.ReporterOther, Roles.Reporter), (Actor.Editor, Roles.Editor), (Actor.Admin, Roles.Admin) })
            {
                var (client, user) = await TestUsers.SignedInAsync(this, role);
                _actors[actor] = (client.InEnglish(), user);
            }
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            foreach (var (client, _) in _actors.Values)
            {
                client.Dispose();
            }

            return Task.CompletedTask;
        }

        public Task<FormClient> ClientAsync(Actor actor) => Task.FromResult(_actors[actor].Client);

        /// <summary>A valid antiforgery token for this user, read from a form they can open.</summary>
        public async Task<string> TokenAsync(Actor actor)
        {
            if (!_tokens.TryGetValue(actor, out var token))
            {
                var page = await _actors[actor].Client.GetAsync(actor == Actor.Anonymous ? "/account/login" : "/newsroom/profile");
                token = page.AntiforgeryToken ?? throw new InvalidOperationException($"No form with a token for {actor}.");
                _tokens[actor] = token;
            }

            return token;
        }

        /// <summary>The route with its parameters filled with fresh things the case may act on.</summary>
        public async Task<string> PathAsync(string route, Actor actor)
        {
            var path = "/" + route;
            if (path.Contains("{id:int}", StringComparison.Ordinal))
            {
                var id = route switch
                {
                    _ when route.StartsWith("newsroom/profile/pen-names", StringComparison.Ordinal) => await PenNameAsync(_actors[actor].User),
                    _ when route.StartsWith("newsroom/media", StringComparison.Ordinal) => await PhotoAsync(),
                    _ when route.StartsWith("newsroom/sections", StringComparison.Ordinal) => await SectionAsync(),
                    _ when route.StartsWith("newsroom/tags", StringComparison.Ordinal) => await TagAsync(),
                    _ when route.StartsWith("newsroom/authors", StringComparison.Ordinal) => await PenNameAsync(null, withAccount: false),
                    // Editors act on articles once they are submitted; a reporter on their draft.
                    _ => await ArticleAsync(actor is Actor.Editor or Actor.Admin ? ArticleStatus.Submitted : ArticleStatus.Draft),
                };
                path = path.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                var user = await TestUsers.CreateAsync(this, Roles.Reporter);
                path = path.Replace("{id}", user.Id, StringComparison.Ordinal);
            }

            if (path.Contains("{id:long}", StringComparison.Ordinal))
            {
                var id = await NotificationAsync(_actors[actor].User ?? _actors[Actor.ReporterOwn].User!);
                path = path.Replace("{id:long}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            path = path.Replace("{number:int}", "1", StringComparison.Ordinal);
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            return path;
        }

        /// <summary>A fresh article of the "own" reporter's, with one revision.</summary>
        private async Task<int> ArticleAsync(ArticleStatus status)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var owner = _actors[Actor.ReporterOwn].User!;
            var now = Clock.GetUtcNow().UtcDateTime;
            var article = new Article
            {
                Title = "Họp báo cung cấp thông tin",
                Slug = "hop-bao-" + Guid.NewGuid().ToString("N"),
                Sapo = "Chiều nay, Sở Thông tin họp báo định kỳ.",
                Body = "<p>Nội dung họp báo.</p>",
                Status = status,
                SubmittedAt = status == ArticleStatus.Draft ? null : now,
                CreatedById = owner.Id,
                UpdatedById = owner.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Articles.Add(article);
            db.ArticleRevisions.Add(ArticleRevision.Snapshot(article, 1, owner.Id, now, reason: null));
            await db.SaveChangesAsync();
            return article.Id;
        }

        /// <summary>A photo the "own" reporter uploaded (only its record: details can be changed without the file).</summary>
        private async Task<int> PhotoAsync()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var name = Guid.NewGuid().ToString("N");
            var photo = new MediaAsset
            {
                StoredName = $"{name[..2]}/{name}.jpg",
                OriginalFileName = "anh.jpg",
                ContentType = "image/jpeg",
                ByteSize = 1000,
                Width = 800,
                Height = 600,
                UploadedAt = Clock.GetUtcNow().UtcDateTime,
                UploadedById = _actors[Actor.ReporterOwn].User!.Id,
            };
            db.MediaAssets.Add(photo);
            await db.SaveChangesAsync();
            return photo.Id;
        }

        /// <summary>A fresh notification of the acting user's (or of the "own" reporter's, for anonymous).</summary>
        private async Task<long> NotificationAsync(ApplicationUser user)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var notification = new Notification
            {
                UserId = user.Id,
                Kind = NotificationKind.Published,
                ArticleTitle = "Họp báo cung cấp thông tin",
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        }

        /// <summary>A fresh section, last in the navigation.</summary>
        private async Task<int> SectionAsync()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var suffix = Guid.NewGuid().ToString("N");
            var section = new Section { Name = "Chuyên mục " + suffix, Slug = "chuyen-muc-" + suffix, DisplayOrder = 1000 };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        }

        /// <summary>A fresh tag no article uses.</summary>
        private async Task<int> TagAsync()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var tag = Tag.Create("Thẻ " + Guid.NewGuid().ToString("N"));
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            return tag.Id;
        }

        /// <summary>A fresh pen name of the acting user's (or of the "own" reporter's, for anonymous), or of nobody's.</summary>
        private async Task<int> PenNameAsync(ApplicationUser? user, bool withAccount = true)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var author = new Author
            {
                PenName = "Bút danh " + Guid.NewGuid().ToString("N")[..8],
                Slug = "but-danh-" + Guid.NewGuid().ToString("N"),
                UserId = withAccount ? (user ?? _actors[Actor.ReporterOwn].User!).Id : null,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            };
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        }
    }
}
