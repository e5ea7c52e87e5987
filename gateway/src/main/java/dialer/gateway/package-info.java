/**
 * Telephony: the gateway driver SPI, the SIP/E1 trunk driver and the simulated driver.
 *
 * <p>This module talks to trunks and agents' phones only; it knows nothing of campaigns, contacts
 * or SQL.
 */
package dialer.gateway;
