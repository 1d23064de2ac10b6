"""A pull request's preview, downloaded and opened from disk (file://), reads like the site: links lead to
pages, not to listings of folders, and a plan page's script works."""


def test_the_preview_opened_from_disk_leads_from_the_home_page_to_a_plan(page, offline_site):
    page.goto((offline_site.root / "index.html").as_uri())
    page.get_by_role("link", name="Plans", exact=True).first.click()
    assert page.url.endswith("/plans/index.html")
    page.locator("article a[href$='.html']").filter(has_text="plan").first.click()
    assert page.url.endswith(".html") and "/plans/" in page.url
    assert page.locator("article h1").count() == 1
    assert page.locator(".plan-week").is_visible()  # its script ran from disk, and shows the week form
