using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Localization;

public sealed class ValidationMessageTests : IDisposable
{
    private readonly NewsroomAppFactory _app = new();

    [Fact]
    public void ImplicitRequiredUsesTheLocalizedMessage()
    {
        var metadata = _app.Services.GetRequiredService<IModelMetadataProvider>()
            .GetMetadataForProperty(typeof(Input), nameof(Input.Title));

        var required = Assert.Single(metadata.ValidatorMetadata.OfType<RequiredAttribute>());
        Assert.Equal("Please enter {0}.", required.ErrorMessage);
    }

    public void Dispose() => _app.Dispose();

    private sealed class Input
    {
        [StringLength(10, ErrorMessage = "{0} can be at most {1} characters long.")]
        public string Title { get; set; } = "";
    }
}
