"""What the facility site's browser scripts share: starting headless Chromium, signing in, following a click to
the next page, and failing a named step. Imported by browser_flow.py and browser_delivery.py (their own directory is on the path).
Never skips: a missing browser, driver or Selenium is a failure (scripts/bootstrap.sh installs them).
"""
import os
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import WebDriverException
except ImportError as error:
    sys.exit("selenium is not installed (BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh installs it): %s" % error)


class StepFailed(Exception):
    pass


def check(condition, step):
    if not condition:
        raise StepFailed(step)


def start_browser(downloads=None, mobile=False):
    for path in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.access(path, os.X_OK):
            sys.exit("%s is missing (BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh installs chromium and chromium-driver)" % path)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--lang=id"):
        options.add_argument(argument)
    if not mobile:
        options.add_argument("--window-size=1280,900")
    else:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/156.0 Mobile Safari/537.36"})
    if downloads:
        options.add_experimental_option("prefs", {
            "download.default_directory": downloads, "download.prompt_for_download": False,
            "safebrowsing.enabled": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def follow(driver, element):
    """Clicks a link or button and waits until the next page has replaced this one.

    A mark is set on this page's window; the next page has a fresh window without it. (Waiting for the old
    element to go stale raced with Chrome: mid-navigation it answers "Node with given id does not belong to the
    document", an error rather than staleness, which failed the test about once in ten runs.)"""
    driver.execute_script("window.__bekalPreviousPage = true")
    element.click()

    def next_page_loaded(d):
        try:
            return d.execute_script(
                "return window.__bekalPreviousPage === undefined && document.readyState === 'complete'")
        except WebDriverException:
            return False  # the page is being replaced; ask again

    WebDriverWait(driver, 30).until(next_page_loaded)


def sign_in(driver, base, account, password_file):
    """Signs in on the login page (opening it first unless the browser is on it already)."""
    if not driver.current_url.endswith("/masuk"):
        driver.get(base + "/masuk")
    with open(password_file, encoding="utf-8") as handle:
        password = handle.read().strip()
    driver.find_element(By.NAME, "akun").send_keys(account)
    driver.find_element(By.NAME, "sandi").send_keys(password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
