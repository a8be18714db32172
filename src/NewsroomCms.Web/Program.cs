using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Accounts;
using NewsroomCms.Web.Features.Authoring;
using NewsroomCms.Web.Features.Catalog;
using NewsroomCms.Web.Features.Feeds;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Features.Notifications;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;
using NewsroomCms.Web.Features.Shared;
using NewsroomCms.Web.Features.Site;
using NewsroomCms.Web.Features.Workflow;
using NewsroomCms.Web.Hosting;
using NewsroomCms.Web.Hosting.Generation;
using NewsroomCms.Web.Security;
using Serilog;

// `NewsroomCms.Web migrate|create-user|seed-demo|reindex-search|generate-articles ...` runs an admin command instead of the site.
var command = AdminCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());
LoggerPerCategory.Wrap(builder.Services);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<NewsroomOptions>(builder.Configuration.GetSection(NewsroomOptions.SectionName));
builder.Services.AddSingleton(sp => new NewsroomTime(sp.GetRequiredService<IOptions<NewsroomOptions>>().Value.TimeZone));
builder.Services.Configure<AccountsOptions>(builder.Configuration.GetSection(AccountsOptions.SectionName));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
builder.Services.AddOptions<SiteOptions>()
    .Bind(builder.Configuration.GetSection(SiteOptions.SectionName))
    .Validate(SiteOptions.IsValid, "Site:PublicBaseUrl must be an absolute http(s) address without query or fragment; Site:PublicationName must not be empty.")
    .ValidateOnStart();

builder.Services.AddNewsroomDatabase(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection()
    .SetApplicationName("NewsroomCms")
    .PersistKeysToDbContext<NewsroomDbContext>();

var accounts = builder.Configuration.GetSection(AccountsOptions.SectionName).Get<AccountsOptions>() ?? new AccountsOptions();
builder.Services.AddIdentity<ApplicationUser, IdentityRole>(identity =>
    {
        identity.User.RequireUniqueEmail = true;
        identity.SignIn.RequireConfirmedAccount = true; // "confirmed" here means "not disabled": see EnabledUserConfirmation
        identity.Password.RequiredLength = 10;
        identity.Password.RequiredUniqueChars = 4;
        identity.Password.RequireDigit = true;
        identity.Password.RequireLowercase = true;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAccessAttempts;
        identity.Lockout.DefaultLockoutTimeSpan = accounts.LockoutDuration;
    })
    .AddEntityFrameworkStores<NewsroomDbContext>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
builder.Services.AddScoped<IUserConfirmation<ApplicationUser>, EnabledUserConfirmation>();
builder.Services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, NewsroomClaimsPrincipalFactory>();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = accounts.SessionRevalidationInterval);
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.Cookie.Name = "newsroom.auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    cookie.LoginPath = "/account/login";
    cookie.LogoutPath = "/account/logout";
    cookie.AccessDeniedPath = "/account/access-denied";
    cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
    cookie.SlidingExpiration = true;
});
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddSingleton<SetupState>();

builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.AddPolicy(AccountController.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = accounts.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
});

builder.Services.AddLocalization();
// Vietnamese text as characters, not &#x...; entities: smaller pages and readable source.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
builder.Services.Configure<RequestLocalizationOptions>(Localization.Configure);
builder.Services.AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    // Validation runs on the server and re-renders the form; no client validation script to feed.
    .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddSingleton<IConfigureOptions<MvcOptions>, ModelBindingMessages>();
builder.Services.Configure<RazorViewEngineOptions>(razor => razor.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
builder.Services.AddAntiforgery(o => o.Cookie.Name = "newsroom.antiforgery");

builder.Services.AddHealthChecks().AddDbContextCheck<NewsroomDbContext>("database", tags: ["ready"]);
builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
{
    forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    // The app runs behind one reverse proxy whose address is not known in advance (containers).
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
});
builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<ArticleGenerator>();
builder.Services.AddOptions<EditorOptions>()
    .Bind(builder.Configuration.GetSection(EditorOptions.SectionName))
    .Validate(EditorOptions.IsValid, "Editor:LockTimeout must be at least twice Editor:LockHeartbeatInterval, which must be at least 00:00:01.")
    .ValidateOnStart();
builder.Services.AddArticleHtmlSanitizer(builder.Configuration);
builder.Services.AddScoped<ArticleEditing>();
builder.Services.AddScoped<ArticleLocks>();
builder.Services.AddScoped<SaveConflicts>();
builder.Services.AddScoped<SlugHistory>();
builder.Services.AddCatalog();
builder.Services.AddMedia(builder.Configuration);
builder.Services.AddWorkflow(builder.Configuration);
builder.Services.AddNotifications();
builder.Services.AddPortal(builder.Configuration);
builder.Services.AddFeeds(builder.Configuration);
// Public-change steps run in this order: the search index is updated before cached pages are evicted,
// so a search in between cannot put stale results back in the cache.
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddPortalCaching(builder.Configuration);

var app = builder.Build();

if (command)
{
    return await AdminCommands.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

if (!await StartupDatabase.PrepareAsync(app))
{
    return 1;
}

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/error/{0}");
// Uploaded photos, before request logging: an article page loads many of them.
app.UseMediaFiles();
app.UseSerilogRequestLogging(logging => logging.GetLevel = RequestLogLevels.For);
app.UseRequestLocalization();
// The stylesheet and scripts are public: without AllowAnonymous the fallback policy sends them to the sign-in page.
app.MapStaticAssets().AllowAnonymous();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<SetupGate>();
app.UseAuthorization();
app.UseArticleViewCounting();
app.UsePortalCaching();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
// Views link static files by their fingerprinted names (css/site.{hash}.css), which browsers may keep for a year.
app.MapControllers().WithStaticAssets();
// Without an endpoint the deny-by-default policy would send readers who mistype a URL to the login page.
// "{*path}" rather than the default "{*path:nonfile}": dead links to old pages (".../bai-viet.html") too.
app.MapFallback("{*path}", context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

await app.RunAsync();
return 0;

public partial class Program;
