using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomCms.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchMatchesJoinIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Id", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Id_Status_PublishedAt",
                table: "Articles");
        }
    }
}
