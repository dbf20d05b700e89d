"""An archive brought along: a WordPress site's export (WXR) imported into an edition."""
