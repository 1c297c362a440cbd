#!/usr/bin/env python3
""""Kirim ke Bapas" and "Cabut" in a real browser: headless Chromium driven by Selenium against a running
`bekal serve --bapas`.

Run by BrowserDeliveryTests.swift. Arguments: MODE BASE_URL PASSWORD_FILE PERSON_ID VALUE ARTIFACT_DIR; the account
name is in BEKAL_ACCOUNT.
- MODE "send", VALUE the Bapas URL: queues the person's portfolio for the Bapas with the name, and checks the notice
  and the Ekspor page's pending row. Prints "queued".
- MODE "revoke", VALUE a record's event id: revokes its exported credential from the person's history with a
  reason, and checks the notice and the history's mark. Prints "revoked".
Any step that does not show what it should exits 1 with the step named on stderr. Never skips
(scripts/bootstrap.sh installs what it needs).
"""
import os
import sys

from browser_kit import StepFailed, check, follow, sign_in, start_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

MODE, BASE, PASSWORD_FILE, PERSON_ID, VALUE, ARTIFACTS = sys.argv[1:7]
ACCOUNT = os.environ["BEKAL_ACCOUNT"]


def send(driver):
    bapas_url = VALUE
    driver.get(BASE + "/wbp/" + PERSON_ID)
    form = driver.find_element(By.ID, "send-to-bapas")
    choice = Select(form.find_element(By.NAME, "bapas"))
    check([o.get_attribute("value") for o in choice.options] == [bapas_url], "the form offers the listed Bapas only")
    choice.select_by_value(bapas_url)
    form.find_element(By.NAME, "nama").click()
    driver.save_screenshot(os.path.join(ARTIFACTS, "kirim-bapas.png"))
    follow(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check(driver.current_url.endswith("?pesan=kirim"), "sending returns to the person's page")
    check("Portofolio masuk antrean kirim ke Bapas" in driver.find_element(By.TAG_NAME, "body").text,
          "the person's page says the portfolio is queued")

    driver.get(BASE + "/ekspor")
    rows = driver.find_elements(By.CSS_SELECTOR, "table#deliveries tbody tr")
    check(len(rows) == 1 and "Menunggu" in rows[0].text and bapas_url in rows[0].text,
          "the Ekspor page lists the delivery as Menunggu")
    carries = rows[0].find_elements(By.CSS_SELECTOR, "td.carries a")
    check(len(carries) == 1 and carries[0].get_attribute("href").endswith("/wbp/" + PERSON_ID),
          "the Ekspor row links to the person whose portfolio it carries")


def revoke(driver):
    driver.get(BASE + "/wbp/" + PERSON_ID)
    link = driver.find_element(By.CSS_SELECTOR, "tr#e-%s a.revoke" % VALUE)
    follow(driver, link)
    check(driver.find_element(By.TAG_NAME, "h1").text == "Cabut kredensial", "the link opens the Cabut form")
    driver.find_element(By.NAME, "reason").send_keys("Sertifikat asesor ternyata tidak sah")
    driver.save_screenshot(os.path.join(ARTIFACTS, "cabut.png"))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check(driver.current_url.endswith("?pesan=dicabut"), "revoking returns to the person's page")
    check("Kredensial dicabut" in driver.find_element(By.TAG_NAME, "body").text,
          "the page says the credential is revoked")
    row = driver.find_element(By.ID, "e-" + VALUE)
    check("dicabut" in row.text and not row.find_elements(By.CSS_SELECTOR, "a.revoke"),
          "the history marks the record dicabut and no longer offers Cabut")


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver = start_browser()
    try:
        sign_in(driver, BASE, ACCOUNT, PASSWORD_FILE)
        check(not driver.current_url.endswith("/masuk"), "signing in leaves the login page")
        {"send": send, "revoke": revoke}[MODE](driver)
    except StepFailed as failure:
        driver.save_screenshot(os.path.join(ARTIFACTS, MODE + "-failed.png"))
        sys.exit("step failed: %s (at %s)" % (failure, driver.current_url.replace(BASE, "")))
    finally:
        driver.quit()
    print({"send": "queued", "revoke": "revoked"}[MODE])


if __name__ == "__main__":
    main()
