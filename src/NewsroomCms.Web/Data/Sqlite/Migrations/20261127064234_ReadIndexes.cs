using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomCms.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Id", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ReviewQueue",
                table: "Articles",
                columns: new[] { "Status", "SubmittedAt", "Id", "Title", "SectionId", "CreatedById" },
                filter: "\"Status\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Id_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ReviewQueue",
                table: "Articles");
        }
    }
}
