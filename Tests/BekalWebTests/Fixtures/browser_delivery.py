#!/usr/bin/env python3
""""Kirim ke Bapas" in a real browser: headless Chromium driven by Selenium against a running `bekal serve --bapas`.

Run by BrowserDeliveryTests.swift. Arguments: BASE_URL PASSWORD_FILE PERSON_ID BAPAS_URL ARTIFACT_DIR.
The account name is in BEKAL_ACCOUNT. Signs in, queues the person's portfolio for the Bapas with the name, and
checks the notice and the Ekspor page's pending row. Prints "queued" and exits 0; any step that does not show what
it should exits 1 with the step named on stderr. Never skips (scripts/bootstrap.sh installs what it needs).
"""
import os
import sys

from browser_kit import StepFailed, check, follow, sign_in, start_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BASE, PASSWORD_FILE, PERSON_ID, BAPAS_URL, ARTIFACTS = sys.argv[1:6]
ACCOUNT = os.environ["BEKAL_ACCOUNT"]


def flow(driver):
    sign_in(driver, BASE, ACCOUNT, PASSWORD_FILE)
    check(not driver.current_url.endswith("/masuk"), "signing in leaves the login page")

    driver.get(BASE + "/wbp/" + PERSON_ID)
    form = driver.find_element(By.ID, "send-to-bapas")
    choice = Select(form.find_element(By.NAME, "bapas"))
    check([o.get_attribute("value") for o in choice.options] == [BAPAS_URL], "the form offers the listed Bapas only")
    choice.select_by_value(BAPAS_URL)
    form.find_element(By.NAME, "nama").click()
    driver.save_screenshot(os.path.join(ARTIFACTS, "kirim-bapas.png"))
    follow(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check(driver.current_url.endswith("?pesan=kirim"), "sending returns to the person's page")
    check("Portofolio masuk antrean kirim ke Bapas" in driver.find_element(By.TAG_NAME, "body").text,
          "the person's page says the portfolio is queued")

    driver.get(BASE + "/ekspor")
    rows = driver.find_elements(By.CSS_SELECTOR, "table#deliveries tbody tr")
    check(len(rows) == 1 and "Menunggu" in rows[0].text and BAPAS_URL in rows[0].text,
          "the Ekspor page lists the delivery as Menunggu")


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver = start_browser()
    try:
        flow(driver)
    except StepFailed as failure:
        driver.save_screenshot(os.path.join(ARTIFACTS, "kirim-bapas-failed.png"))
        sys.exit("step failed: %s (at %s)" % (failure, driver.current_url.replace(BASE, "")))
    finally:
        driver.quit()
    print("queued")


if __name__ == "__main__":
    main()
