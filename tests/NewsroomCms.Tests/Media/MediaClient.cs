using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Media;

/// <summary>A signed-in newsroom member uploading as the editor's script does: multipart, token in the header.</summary>
public sealed class MediaClient : IDisposable
{
    private const string Password = "mat-khau-2026";

    private MediaClient(FormClient client, ApplicationUser user, string token)
    {
        Client = client;
        User = user;
        Token = token;
    }

    public FormClient Client { get; }
    public ApplicationUser User { get; }
    public string Token { get; }

    public static async Task<MediaClient> SignInAsync(NewsroomAppFactory app, string role, bool english = true)
    {
        var user = await CreateUserAsync(app, role);
        var client = new FormClient(app);
        if (english)
        {
            client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        }

        var signIn = await client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        // Antiforgery tokens belong to the signed-in user: take one from a back-office page.
        var desk = await client.GetAsync("/newsroom");
        return new MediaClient(client, user, desk.AntiforgeryToken ?? throw new InvalidOperationException("No antiforgery token on /newsroom."));
    }

    public Task<Response> UploadAsync(byte[] file, string fileName = "anh.jpg", string contentType = "image/jpeg", IDictionary<string, string>? fields = null, bool withToken = true) =>
        SendAsync(Client.Http, Token, file, fileName, contentType, fields, withToken);

    public async Task<Response> UpdateAsync(int id, IDictionary<string, string> fields, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Patch, $"/newsroom/media/{id}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("RequestVerificationToken", Token);
        using var response = await Client.Http.SendAsync(request);
        return await Response.ReadAsync(response);
    }

    public static async Task<Response> SendAsync(HttpClient http, string? token, byte[] file, string fileName, string contentType, IDictionary<string, string>? fields = null, bool withToken = true)
    {
        using var content = new MultipartFormDataContent();
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(filePart, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/media") { Content = content };
        if (withToken && token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        using var response = await http.SendAsync(request);
        return await Response.ReadAsync(response);
    }

    public void Dispose() => Client.Dispose();

    private static async Task<ApplicationUser> CreateUserAsync(NewsroomAppFactory app, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@baotinh.vn";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Phóng viên ảnh", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public sealed record Response(HttpStatusCode Status, string Body, Uri? Location)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string? Error => Json.GetProperty("error").GetString();

        public static async Task<Response> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }
}
