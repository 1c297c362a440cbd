#!/usr/bin/env python3
"""A PK in real headless Chromium (Selenium + chromedriver) against a real `bekal bapas serve`.

Usage: bapas_pk_selenium.py BASE_URL ACCOUNT PASSWORD_ENV TAMPERED_FILE SCREENSHOT_DIR EXPECTED_FACILITY TAMPERED_UNIT

Signs in, opens the inbox, checks the received portfolio's row (facility name, verdict SAH), opens it and its
readable page, matches the register number and verification code from $BEKAL_PK_REGISTER and $BEKAL_PK_CODE on
it, then uploads TAMPERED_FILE in "Periksa berkas" and checks the page says TIDAK SAH and marks failed exactly
one unit row: the row of TAMPERED_UNIT (the unit code of the credential the test altered). Screenshots go to
SCREENSHOT_DIR. Exits non-zero on any failure, including a missing Selenium or chromedriver: the bootstrap
installs both, so their absence is a failure, never a skip.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def main():
    base, account, password_env, tampered, shots, facility, tampered_unit = sys.argv[1:8]
    password = os.environ[password_env]
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    try:
        driver.get(base + "masuk")
        driver.find_element(By.NAME, "akun").send_keys(account)
        driver.find_element(By.NAME, "sandi").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit], form input[type=submit]").click()
        # A click does not wait for the page it leads to: wait for the signed-in page before going on.
        WebDriverWait(driver, 30).until(lambda d: not d.current_url.endswith("/masuk"))
        driver.get(base)
        rows = driver.find_elements(By.CSS_SELECTOR, "#kotak-masuk tbody tr")
        assert len(rows) == 1, f"expected one received portfolio, got {len(rows)}"
        row = rows[0]
        assert facility in row.text, "the inbox row does not name the facility"
        assert row.get_attribute("data-verdict") == "VALID", row.get_attribute("data-verdict")
        assert "did:key" not in driver.page_source
        driver.save_screenshot(os.path.join(shots, "bapas-inbox.png"))
        row.find_element(By.CSS_SELECTOR, "a").click()
        WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.ID, "putusan")))
        assert "SAH" in driver.find_element(By.ID, "putusan").text
        assert facility in driver.find_element(By.ID, "kalimat").text
        driver.find_element(By.PARTIAL_LINK_TEXT, "halaman portofolio").click()
        WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section#production, .watermark, tr.unit")))
        assert "SAH" in driver.page_source and "TIDAK SAH" not in driver.page_source
        driver.save_screenshot(os.path.join(shots, "bapas-portfolio.png"))
        # The register number from the client's papers and the code given at release, typed on the portfolio's
        # page (from the environment: personal data never goes on a command line).
        driver.back()
        WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.ID, "nomor_register")))
        driver.find_element(By.ID, "nomor_register").send_keys(os.environ["BEKAL_PK_REGISTER"])
        driver.find_element(By.ID, "kode_verifikasi").send_keys(os.environ["BEKAL_PK_CODE"])
        driver.find_element(By.CSS_SELECTOR, "form[action$='/halaman'] button[type=submit]").click()
        WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.ID, "identity-check")))
        check = driver.find_element(By.ID, "identity-check")
        assert check.get_attribute("data-identity") == "matched", check.get_attribute("data-identity")
        assert os.environ["BEKAL_PK_REGISTER"] not in driver.current_url
        driver.save_screenshot(os.path.join(shots, "bapas-identity.png"))
        driver.get(base + "periksa")
        driver.find_element(By.ID, "berkas").send_keys(os.path.abspath(tampered))
        driver.find_element(By.CSS_SELECTOR, "form[action='/periksa'] button[type=submit]").click()
        WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "tr.unit")))
        assert "TIDAK SAH" in driver.page_source, "the tampered file is not marked not genuine"
        failed = driver.find_elements(By.CSS_SELECTOR, "[data-mark='failed']")
        assert failed, "no row is marked failed"
        # Only the altered credential's row (the first embedded one, a unit) is marked, not the whole table.
        units = driver.find_elements(By.CSS_SELECTOR, "tr.unit")
        failed_units = driver.find_elements(By.CSS_SELECTOR, "tr.unit[data-mark='failed']")
        assert len(failed_units) == 1 and len(units) > 1, f"{len(failed_units)} of {len(units)} unit rows marked failed"
        marked_unit = failed_units[0].get_attribute("data-unit")
        assert marked_unit == tampered_unit, f"the row of unit {marked_unit} is marked, not the altered {tampered_unit}"
        driver.save_screenshot(os.path.join(shots, "bapas-tampered.png"))
        print(f"ok: {len(failed)} row(s) marked failed; the row of unit {marked_unit} marked")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
